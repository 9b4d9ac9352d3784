from enum import StrEnum

class ListLccnSubscriptionsVersion(StrEnum):
    VALUE_0 = "2.0.0"

    def __str__(self) -> str:
        return str(self.value)
