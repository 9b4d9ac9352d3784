from enum import IntEnum

class AlarmEventNotificationNotificationEventType(IntEnum):
    NEW = 0
    CHANGE = 1
    CLEAR = 2
    ACKNOWLEDGE = 3

    def __str__(self) -> str:
        return str(self.value)
