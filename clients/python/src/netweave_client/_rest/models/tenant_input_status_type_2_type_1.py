from enum import StrEnum

class TenantInputStatusType2Type1(StrEnum):
    ACTIVE = "active"
    SUSPENDED = "suspended"

    def __str__(self) -> str:
        return str(self.value)
