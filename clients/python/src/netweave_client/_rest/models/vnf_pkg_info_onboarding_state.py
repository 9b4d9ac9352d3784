from enum import StrEnum

class VnfPkgInfoOnboardingState(StrEnum):
    CREATED = "CREATED"
    ONBOARDED = "ONBOARDED"
    PROCESSING = "PROCESSING"
    UPLOADING = "UPLOADING"

    def __str__(self) -> str:
        return str(self.value)
