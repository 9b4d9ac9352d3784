from enum import StrEnum

class VnfLcmOperationOccurrenceNotificationNotificationStatus(StrEnum):
    RESULT = "RESULT"
    START = "START"

    def __str__(self) -> str:
        return str(self.value)
