from enum import StrEnum

class ListAuditRecordsResult(StrEnum):
    DENIED = "denied"
    ERROR = "error"
    SUCCESS = "success"

    def __str__(self) -> str:
        return str(self.value)
