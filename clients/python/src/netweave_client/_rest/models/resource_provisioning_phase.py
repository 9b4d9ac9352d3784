from enum import StrEnum

class ResourceProvisioningPhase(StrEnum):
    AWAITING_FREE_RESOURCES = "AWAITING_FREE_RESOURCES"
    FAILED = "FAILED"
    PROCESSING = "PROCESSING"
    PROVISIONED = "PROVISIONED"

    def __str__(self) -> str:
        return str(self.value)
