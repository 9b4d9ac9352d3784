from enum import StrEnum

class ResourceTypeResourceClass(StrEnum):
    COMPUTE = "COMPUTE"
    NETWORKING = "NETWORKING"
    STORAGE = "STORAGE"
    UNDEFINED = "UNDEFINED"

    def __str__(self) -> str:
        return str(self.value)
