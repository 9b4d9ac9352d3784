from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.audit_record_auth_method import AuditRecordAuthMethod
from ..models.audit_record_result import AuditRecordResult
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="AuditRecord")



@_attrs_define
class AuditRecord:
    """ One request, allowed or not. Never a token, a secret or a callback credential.

        Attributes:
            http_method (str):
            path (str):
            request_id (str): The caller's `X-Request-Id`, or one made for the request; every response carries it.
            result (AuditRecordResult):
            status (int):
            timestamp (datetime.datetime):
            auth_method (AuditRecordAuthMethod | Unset):
            certificate_thumbprint (str | Unset): base64url SHA-256 of the client certificate (RFC 8705 `x5t#S256`).
            client_id (str | Unset):
            grpc_status (int | Unset):
            object_id (str | Unset): The last identifier in the path.
            peer (str | Unset): The client's address.
            rpc (str | Unset): The fully-qualified RPC the request called.
            subject (str | Unset):
            tenant (str | Unset):
     """

    http_method: str
    path: str
    request_id: str
    result: AuditRecordResult
    status: int
    timestamp: datetime.datetime
    auth_method: AuditRecordAuthMethod | Unset = UNSET
    certificate_thumbprint: str | Unset = UNSET
    client_id: str | Unset = UNSET
    grpc_status: int | Unset = UNSET
    object_id: str | Unset = UNSET
    peer: str | Unset = UNSET
    rpc: str | Unset = UNSET
    subject: str | Unset = UNSET
    tenant: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        http_method = self.http_method

        path = self.path

        request_id = self.request_id

        result = self.result.value

        status = self.status

        timestamp = self.timestamp.isoformat()

        auth_method: str | Unset = UNSET
        if not isinstance(self.auth_method, Unset):
            auth_method = self.auth_method.value


        certificate_thumbprint = self.certificate_thumbprint

        client_id = self.client_id

        grpc_status = self.grpc_status

        object_id = self.object_id

        peer = self.peer

        rpc = self.rpc

        subject = self.subject

        tenant = self.tenant


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "httpMethod": http_method,
            "path": path,
            "requestId": request_id,
            "result": result,
            "status": status,
            "timestamp": timestamp,
        })
        if auth_method is not UNSET:
            field_dict["authMethod"] = auth_method
        if certificate_thumbprint is not UNSET:
            field_dict["certificateThumbprint"] = certificate_thumbprint
        if client_id is not UNSET:
            field_dict["clientId"] = client_id
        if grpc_status is not UNSET:
            field_dict["grpcStatus"] = grpc_status
        if object_id is not UNSET:
            field_dict["objectId"] = object_id
        if peer is not UNSET:
            field_dict["peer"] = peer
        if rpc is not UNSET:
            field_dict["rpc"] = rpc
        if subject is not UNSET:
            field_dict["subject"] = subject
        if tenant is not UNSET:
            field_dict["tenant"] = tenant

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        http_method = d.pop("httpMethod")

        path = d.pop("path")

        request_id = d.pop("requestId")

        result = AuditRecordResult(d.pop("result"))




        status = d.pop("status")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))




        _auth_method = d.pop("authMethod", UNSET)
        auth_method: AuditRecordAuthMethod | Unset
        if isinstance(_auth_method,  Unset):
            auth_method = UNSET
        else:
            auth_method = AuditRecordAuthMethod(_auth_method)




        certificate_thumbprint = d.pop("certificateThumbprint", UNSET)

        client_id = d.pop("clientId", UNSET)

        grpc_status = d.pop("grpcStatus", UNSET)

        object_id = d.pop("objectId", UNSET)

        peer = d.pop("peer", UNSET)

        rpc = d.pop("rpc", UNSET)

        subject = d.pop("subject", UNSET)

        tenant = d.pop("tenant", UNSET)

        audit_record = cls(
            http_method=http_method,
            path=path,
            request_id=request_id,
            result=result,
            status=status,
            timestamp=timestamp,
            auth_method=auth_method,
            certificate_thumbprint=certificate_thumbprint,
            client_id=client_id,
            grpc_status=grpc_status,
            object_id=object_id,
            peer=peer,
            rpc=rpc,
            subject=subject,
            tenant=tenant,
        )


        audit_record.additional_properties = d
        return audit_record

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
