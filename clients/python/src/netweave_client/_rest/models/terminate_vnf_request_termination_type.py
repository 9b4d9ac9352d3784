from enum import StrEnum

class TerminateVnfRequestTerminationType(StrEnum):
    FORCEFUL = "FORCEFUL"
    GRACEFUL = "GRACEFUL"

    def __str__(self) -> str:
        return str(self.value)
