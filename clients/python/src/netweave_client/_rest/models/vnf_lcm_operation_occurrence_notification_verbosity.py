from enum import StrEnum

class VnfLcmOperationOccurrenceNotificationVerbosity(StrEnum):
    FULL = "FULL"
    SHORT = "SHORT"

    def __str__(self) -> str:
        return str(self.value)
