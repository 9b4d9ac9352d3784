from enum import StrEnum

class ScaleVnfRequestType(StrEnum):
    SCALE_IN = "SCALE_IN"
    SCALE_OUT = "SCALE_OUT"

    def __str__(self) -> str:
        return str(self.value)
