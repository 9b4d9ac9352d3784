from enum import StrEnum

class LccnSubscriptionRequestAuthenticationAuthTypeItem(StrEnum):
    BASIC = "BASIC"
    OAUTH2_CLIENT_CREDENTIALS = "OAUTH2_CLIENT_CREDENTIALS"

    def __str__(self) -> str:
        return str(self.value)
