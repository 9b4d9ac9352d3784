from enum import IntEnum

class PerceivedSeverity(IntEnum):
    CRITICAL = 0
    MAJOR = 1
    MINOR = 2
    WARNING = 3
    INDETERMINATE = 4
    CLEARED = 5

    def __str__(self) -> str:
        return str(self.value)
