from enum import StrEnum

class AlarmDefinitionClearingType(StrEnum):
    AUTOMATIC = "AUTOMATIC"
    MANUAL = "MANUAL"

    def __str__(self) -> str:
        return str(self.value)
