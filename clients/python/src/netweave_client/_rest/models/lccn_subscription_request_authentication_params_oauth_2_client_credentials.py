from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="LccnSubscriptionRequestAuthenticationParamsOauth2ClientCredentials")



@_attrs_define
class LccnSubscriptionRequestAuthenticationParamsOauth2ClientCredentials:
    """ 
        Attributes:
            client_id (str):
            client_password (str):
            token_endpoint (str):
     """

    client_id: str
    client_password: str
    token_endpoint: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        client_id = self.client_id

        client_password = self.client_password

        token_endpoint = self.token_endpoint


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "clientId": client_id,
            "clientPassword": client_password,
            "tokenEndpoint": token_endpoint,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        client_id = d.pop("clientId")

        client_password = d.pop("clientPassword")

        token_endpoint = d.pop("tokenEndpoint")

        lccn_subscription_request_authentication_params_oauth_2_client_credentials = cls(
            client_id=client_id,
            client_password=client_password,
            token_endpoint=token_endpoint,
        )


        lccn_subscription_request_authentication_params_oauth_2_client_credentials.additional_properties = d
        return lccn_subscription_request_authentication_params_oauth_2_client_credentials

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
