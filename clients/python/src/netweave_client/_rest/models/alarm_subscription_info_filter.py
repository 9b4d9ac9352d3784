from enum import StrEnum

class AlarmSubscriptionInfoFilter(StrEnum):
    ACKNOWLEDGE = "ACKNOWLEDGE"
    CHANGE = "CHANGE"
    CLEAR = "CLEAR"
    NEW = "NEW"

    def __str__(self) -> str:
        return str(self.value)
