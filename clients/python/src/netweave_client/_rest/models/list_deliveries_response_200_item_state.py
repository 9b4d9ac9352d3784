from enum import StrEnum

class ListDeliveriesResponse200ItemState(StrEnum):
    FAILED = "failed"
    INFLIGHT = "inFlight"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)
