from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="V1DeploymentManagerGetDtoProfile")



@_attrs_define
class V1DeploymentManagerGetDtoProfile:
    """ 
        Attributes:
            admin_client_cert (str | Unset): Kubernetes Admin client cert Example:
                LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUVJRENDQW......
            admin_client_key (str | Unset): Kubernetes Admin client key Example:
                LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlFcE......
            admin_user (str | Unset): Kubernetes Admin username Example: kubernetes-admin.
            cluster_api_endpoint (str | Unset): Kubernetes Cluster API Endpoint Example: https://128.224.115.51:6443.
            cluster_ca_cert (str | Unset): Kubernetes Cluster CA cert Example:
                LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUZEakNDQX......
            helmcli_host_with_port (str | Unset): Helm CLI Host address with SSH port Example: 128.224.115.34:30022.
            helmcli_kubeconfig (str | Unset): Helm CLI KUBECONFIG path Example: /share/kubeconfig_c765516a.config.
            helmcli_password (str | Unset): Helm CLI SSH login password Example: password.
            helmcli_username (str | Unset): Helm CLI SSH login username Example: helm.
     """

    admin_client_cert: str | Unset = UNSET
    admin_client_key: str | Unset = UNSET
    admin_user: str | Unset = UNSET
    cluster_api_endpoint: str | Unset = UNSET
    cluster_ca_cert: str | Unset = UNSET
    helmcli_host_with_port: str | Unset = UNSET
    helmcli_kubeconfig: str | Unset = UNSET
    helmcli_password: str | Unset = UNSET
    helmcli_username: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        admin_client_cert = self.admin_client_cert

        admin_client_key = self.admin_client_key

        admin_user = self.admin_user

        cluster_api_endpoint = self.cluster_api_endpoint

        cluster_ca_cert = self.cluster_ca_cert

        helmcli_host_with_port = self.helmcli_host_with_port

        helmcli_kubeconfig = self.helmcli_kubeconfig

        helmcli_password = self.helmcli_password

        helmcli_username = self.helmcli_username


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if admin_client_cert is not UNSET:
            field_dict["admin_client_cert"] = admin_client_cert
        if admin_client_key is not UNSET:
            field_dict["admin_client_key"] = admin_client_key
        if admin_user is not UNSET:
            field_dict["admin_user"] = admin_user
        if cluster_api_endpoint is not UNSET:
            field_dict["cluster_api_endpoint"] = cluster_api_endpoint
        if cluster_ca_cert is not UNSET:
            field_dict["cluster_ca_cert"] = cluster_ca_cert
        if helmcli_host_with_port is not UNSET:
            field_dict["helmcli_host_with_port"] = helmcli_host_with_port
        if helmcli_kubeconfig is not UNSET:
            field_dict["helmcli_kubeconfig"] = helmcli_kubeconfig
        if helmcli_password is not UNSET:
            field_dict["helmcli_password"] = helmcli_password
        if helmcli_username is not UNSET:
            field_dict["helmcli_username"] = helmcli_username

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        admin_client_cert = d.pop("admin_client_cert", UNSET)

        admin_client_key = d.pop("admin_client_key", UNSET)

        admin_user = d.pop("admin_user", UNSET)

        cluster_api_endpoint = d.pop("cluster_api_endpoint", UNSET)

        cluster_ca_cert = d.pop("cluster_ca_cert", UNSET)

        helmcli_host_with_port = d.pop("helmcli_host_with_port", UNSET)

        helmcli_kubeconfig = d.pop("helmcli_kubeconfig", UNSET)

        helmcli_password = d.pop("helmcli_password", UNSET)

        helmcli_username = d.pop("helmcli_username", UNSET)

        v1_deployment_manager_get_dto_profile = cls(
            admin_client_cert=admin_client_cert,
            admin_client_key=admin_client_key,
            admin_user=admin_user,
            cluster_api_endpoint=cluster_api_endpoint,
            cluster_ca_cert=cluster_ca_cert,
            helmcli_host_with_port=helmcli_host_with_port,
            helmcli_kubeconfig=helmcli_kubeconfig,
            helmcli_password=helmcli_password,
            helmcli_username=helmcli_username,
        )


        v1_deployment_manager_get_dto_profile.additional_properties = d
        return v1_deployment_manager_get_dto_profile

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
