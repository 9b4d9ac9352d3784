from enum import StrEnum

class AlarmDictionaryManagementInterfaceIdItem(StrEnum):
    O2IMS = "O2IMS"

    def __str__(self) -> str:
        return str(self.value)
