from enum import StrEnum

class LifecycleChangeNotificationsFilterNotificationTypesItem(StrEnum):
    VNFIDENTIFIERCREATIONNOTIFICATION = "VnfIdentifierCreationNotification"
    VNFIDENTIFIERDELETIONNOTIFICATION = "VnfIdentifierDeletionNotification"
    VNFLCMOPERATIONOCCURRENCENOTIFICATION = "VnfLcmOperationOccurrenceNotification"

    def __str__(self) -> str:
        return str(self.value)
