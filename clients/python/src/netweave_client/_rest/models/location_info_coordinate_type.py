from enum import StrEnum

class LocationInfoCoordinateType(StrEnum):
    POINT = "Point"

    def __str__(self) -> str:
        return str(self.value)
