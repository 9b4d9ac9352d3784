from enum import StrEnum

class VnfPkgInfoUsageState(StrEnum):
    IN_USE = "IN_USE"
    NOT_IN_USE = "NOT_IN_USE"

    def __str__(self) -> str:
        return str(self.value)
