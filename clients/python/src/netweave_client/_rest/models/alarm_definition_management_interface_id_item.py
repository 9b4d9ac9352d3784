from enum import StrEnum

class AlarmDefinitionManagementInterfaceIdItem(StrEnum):
    O2IMS = "O2IMS"

    def __str__(self) -> str:
        return str(self.value)
