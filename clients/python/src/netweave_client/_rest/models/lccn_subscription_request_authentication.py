from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.lccn_subscription_request_authentication_auth_type_item import LccnSubscriptionRequestAuthenticationAuthTypeItem
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.lccn_subscription_request_authentication_params_basic import LccnSubscriptionRequestAuthenticationParamsBasic
  from ..models.lccn_subscription_request_authentication_params_oauth_2_client_credentials import LccnSubscriptionRequestAuthenticationParamsOauth2ClientCredentials





T = TypeVar("T", bound="LccnSubscriptionRequestAuthentication")



@_attrs_define
class LccnSubscriptionRequestAuthentication:
    """ 
        Attributes:
            auth_type (list[LccnSubscriptionRequestAuthenticationAuthTypeItem]):
            params_basic (LccnSubscriptionRequestAuthenticationParamsBasic | Unset):
            params_oauth_2_client_credentials (LccnSubscriptionRequestAuthenticationParamsOauth2ClientCredentials | Unset):
     """

    auth_type: list[LccnSubscriptionRequestAuthenticationAuthTypeItem]
    params_basic: LccnSubscriptionRequestAuthenticationParamsBasic | Unset = UNSET
    params_oauth_2_client_credentials: LccnSubscriptionRequestAuthenticationParamsOauth2ClientCredentials | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.lccn_subscription_request_authentication_params_basic import LccnSubscriptionRequestAuthenticationParamsBasic # noqa: PLC0415
        from ..models.lccn_subscription_request_authentication_params_oauth_2_client_credentials import LccnSubscriptionRequestAuthenticationParamsOauth2ClientCredentials # noqa: PLC0415
        auth_type = []
        for auth_type_item_data in self.auth_type:
            auth_type_item = auth_type_item_data.value
            auth_type.append(auth_type_item)



        params_basic: dict[str, Any] | Unset = UNSET
        if not isinstance(self.params_basic, Unset):
            params_basic = self.params_basic.to_dict()

        params_oauth_2_client_credentials: dict[str, Any] | Unset = UNSET
        if not isinstance(self.params_oauth_2_client_credentials, Unset):
            params_oauth_2_client_credentials = self.params_oauth_2_client_credentials.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "authType": auth_type,
        })
        if params_basic is not UNSET:
            field_dict["paramsBasic"] = params_basic
        if params_oauth_2_client_credentials is not UNSET:
            field_dict["paramsOauth2ClientCredentials"] = params_oauth_2_client_credentials

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lccn_subscription_request_authentication_params_basic import LccnSubscriptionRequestAuthenticationParamsBasic # noqa: PLC0415
        from ..models.lccn_subscription_request_authentication_params_oauth_2_client_credentials import LccnSubscriptionRequestAuthenticationParamsOauth2ClientCredentials # noqa: PLC0415
        d = dict(src_dict)
        auth_type = []
        _auth_type = d.pop("authType")
        for auth_type_item_data in (_auth_type):
            auth_type_item = LccnSubscriptionRequestAuthenticationAuthTypeItem(auth_type_item_data)



            auth_type.append(auth_type_item)


        _params_basic = d.pop("paramsBasic", UNSET)
        params_basic: LccnSubscriptionRequestAuthenticationParamsBasic | Unset
        if isinstance(_params_basic,  Unset):
            params_basic = UNSET
        else:
            params_basic = LccnSubscriptionRequestAuthenticationParamsBasic.from_dict(_params_basic)




        _params_oauth_2_client_credentials = d.pop("paramsOauth2ClientCredentials", UNSET)
        params_oauth_2_client_credentials: LccnSubscriptionRequestAuthenticationParamsOauth2ClientCredentials | Unset
        if isinstance(_params_oauth_2_client_credentials,  Unset):
            params_oauth_2_client_credentials = UNSET
        else:
            params_oauth_2_client_credentials = LccnSubscriptionRequestAuthenticationParamsOauth2ClientCredentials.from_dict(_params_oauth_2_client_credentials)




        lccn_subscription_request_authentication = cls(
            auth_type=auth_type,
            params_basic=params_basic,
            params_oauth_2_client_credentials=params_oauth_2_client_credentials,
        )


        lccn_subscription_request_authentication.additional_properties = d
        return lccn_subscription_request_authentication

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
