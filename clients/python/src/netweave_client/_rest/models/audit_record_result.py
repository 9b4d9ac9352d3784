from enum import StrEnum

class AuditRecordResult(StrEnum):
    DENIED = "denied"
    ERROR = "error"
    SUCCESS = "success"

    def __str__(self) -> str:
        return str(self.value)
