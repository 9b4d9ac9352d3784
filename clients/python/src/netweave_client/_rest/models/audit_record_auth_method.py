from enum import StrEnum

class AuditRecordAuthMethod(StrEnum):
    ANONYMOUS = "anonymous"
    CERTIFICATE = "certificate"
    TOKEN = "token"

    def __str__(self) -> str:
        return str(self.value)
