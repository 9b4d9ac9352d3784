from enum import StrEnum

class VnfPkgInfoModificationsOperationalState(StrEnum):
    DISABLED = "DISABLED"
    ENABLED = "ENABLED"

    def __str__(self) -> str:
        return str(self.value)
