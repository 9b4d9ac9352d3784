from enum import StrEnum

class VnfInstanceInstantiatedVnfInfoVnfState(StrEnum):
    STARTED = "STARTED"
    STOPPED = "STOPPED"

    def __str__(self) -> str:
        return str(self.value)
