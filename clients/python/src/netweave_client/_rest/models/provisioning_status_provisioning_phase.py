from enum import StrEnum

class ProvisioningStatusProvisioningPhase(StrEnum):
    DELETING = "DELETING"
    FAILED = "FAILED"
    FULFILLED = "FULFILLED"
    PENDING = "PENDING"
    PROGRESSING = "PROGRESSING"

    def __str__(self) -> str:
        return str(self.value)
