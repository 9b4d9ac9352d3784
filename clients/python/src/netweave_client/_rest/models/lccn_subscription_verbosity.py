from enum import StrEnum

class LccnSubscriptionVerbosity(StrEnum):
    FULL = "FULL"
    SHORT = "SHORT"

    def __str__(self) -> str:
        return str(self.value)
