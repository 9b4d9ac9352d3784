from enum import StrEnum

class VnfIdentifierCreationNotificationNotificationType(StrEnum):
    VNFIDENTIFIERCREATIONNOTIFICATION = "VnfIdentifierCreationNotification"

    def __str__(self) -> str:
        return str(self.value)
