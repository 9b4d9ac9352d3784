from enum import StrEnum

class RoleBindingRolesItem(StrEnum):
    ADMIN = "admin"
    OPERATOR = "operator"
    OWNER = "owner"
    VIEWER = "viewer"

    def __str__(self) -> str:
        return str(self.value)
