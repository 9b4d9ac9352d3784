from enum import StrEnum

class VnfInstanceInstantiationState(StrEnum):
    INSTANTIATED = "INSTANTIATED"
    NOT_INSTANTIATED = "NOT_INSTANTIATED"

    def __str__(self) -> str:
        return str(self.value)
