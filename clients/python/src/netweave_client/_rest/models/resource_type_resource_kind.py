from enum import StrEnum

class ResourceTypeResourceKind(StrEnum):
    LOGICAL = "LOGICAL"
    PHYSICAL = "PHYSICAL"
    UNDEFINED = "UNDEFINED"

    def __str__(self) -> str:
        return str(self.value)
