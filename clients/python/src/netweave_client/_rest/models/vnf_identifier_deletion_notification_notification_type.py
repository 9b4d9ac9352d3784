from enum import StrEnum

class VnfIdentifierDeletionNotificationNotificationType(StrEnum):
    VNFIDENTIFIERDELETIONNOTIFICATION = "VnfIdentifierDeletionNotification"

    def __str__(self) -> str:
        return str(self.value)
