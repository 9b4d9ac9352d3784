from enum import StrEnum

class VnfLcmOperationOccurrenceNotificationNotificationType(StrEnum):
    VNFLCMOPERATIONOCCURRENCENOTIFICATION = "VnfLcmOperationOccurrenceNotification"

    def __str__(self) -> str:
        return str(self.value)
