from enum import StrEnum

class AlarmDefinitionAlarmChangeType(StrEnum):
    ADDED = "ADDED"
    DELETED = "DELETED"
    MODIFIED = "MODIFIED"

    def __str__(self) -> str:
        return str(self.value)
