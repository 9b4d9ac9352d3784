from enum import StrEnum

class LifecycleChangeNotificationsFilterOperationStatesItem(StrEnum):
    COMPLETED = "COMPLETED"
    FAILED = "FAILED"
    FAILED_TEMP = "FAILED_TEMP"
    PROCESSING = "PROCESSING"
    ROLLED_BACK = "ROLLED_BACK"
    ROLLING_BACK = "ROLLING_BACK"
    STARTING = "STARTING"

    def __str__(self) -> str:
        return str(self.value)
