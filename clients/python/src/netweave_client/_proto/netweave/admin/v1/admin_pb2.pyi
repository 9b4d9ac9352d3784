from google.api import annotations_pb2 as _annotations_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class TenantStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    TENANT_STATUS_UNSPECIFIED: _ClassVar[TenantStatus]
    TENANT_STATUS_ACTIVE: _ClassVar[TenantStatus]
    TENANT_STATUS_SUSPENDED: _ClassVar[TenantStatus]
TENANT_STATUS_UNSPECIFIED: TenantStatus
TENANT_STATUS_ACTIVE: TenantStatus
TENANT_STATUS_SUSPENDED: TenantStatus

class Quotas(_message.Message):
    __slots__ = ("max_subscriptions", "max_hubs", "max_resource_pools", "max_watch_streams", "requests_per_second", "max_provisioning_requests")
    MAX_SUBSCRIPTIONS_FIELD_NUMBER: _ClassVar[int]
    MAX_HUBS_FIELD_NUMBER: _ClassVar[int]
    MAX_RESOURCE_POOLS_FIELD_NUMBER: _ClassVar[int]
    MAX_WATCH_STREAMS_FIELD_NUMBER: _ClassVar[int]
    REQUESTS_PER_SECOND_FIELD_NUMBER: _ClassVar[int]
    MAX_PROVISIONING_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    max_subscriptions: int
    max_hubs: int
    max_resource_pools: int
    max_watch_streams: int
    requests_per_second: float
    max_provisioning_requests: int
    def __init__(self, max_subscriptions: _Optional[int] = ..., max_hubs: _Optional[int] = ..., max_resource_pools: _Optional[int] = ..., max_watch_streams: _Optional[int] = ..., requests_per_second: _Optional[float] = ..., max_provisioning_requests: _Optional[int] = ...) -> None: ...

class Tenant(_message.Message):
    __slots__ = ("tenant_id", "status", "resource_pools", "label_selector", "quotas", "created_at", "updated_at")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_POOLS_FIELD_NUMBER: _ClassVar[int]
    LABEL_SELECTOR_FIELD_NUMBER: _ClassVar[int]
    QUOTAS_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    tenant_id: str
    status: TenantStatus
    resource_pools: _containers.RepeatedScalarFieldContainer[str]
    label_selector: str
    quotas: Quotas
    created_at: str
    updated_at: str
    def __init__(self, tenant_id: _Optional[str] = ..., status: _Optional[_Union[TenantStatus, str]] = ..., resource_pools: _Optional[_Iterable[str]] = ..., label_selector: _Optional[str] = ..., quotas: _Optional[_Union[Quotas, _Mapping]] = ..., created_at: _Optional[str] = ..., updated_at: _Optional[str] = ...) -> None: ...

class ListTenantsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListTenantsResponse(_message.Message):
    __slots__ = ("tenants",)
    TENANTS_FIELD_NUMBER: _ClassVar[int]
    tenants: _containers.RepeatedCompositeFieldContainer[Tenant]
    def __init__(self, tenants: _Optional[_Iterable[_Union[Tenant, _Mapping]]] = ...) -> None: ...

class CreateTenantRequest(_message.Message):
    __slots__ = ("tenant",)
    TENANT_FIELD_NUMBER: _ClassVar[int]
    tenant: Tenant
    def __init__(self, tenant: _Optional[_Union[Tenant, _Mapping]] = ...) -> None: ...

class CreateTenantResponse(_message.Message):
    __slots__ = ("tenant",)
    TENANT_FIELD_NUMBER: _ClassVar[int]
    tenant: Tenant
    def __init__(self, tenant: _Optional[_Union[Tenant, _Mapping]] = ...) -> None: ...

class GetTenantRequest(_message.Message):
    __slots__ = ("tenant_id",)
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: str
    def __init__(self, tenant_id: _Optional[str] = ...) -> None: ...

class GetTenantResponse(_message.Message):
    __slots__ = ("tenant",)
    TENANT_FIELD_NUMBER: _ClassVar[int]
    tenant: Tenant
    def __init__(self, tenant: _Optional[_Union[Tenant, _Mapping]] = ...) -> None: ...

class UpdateTenantRequest(_message.Message):
    __slots__ = ("tenant_id", "tenant")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    TENANT_FIELD_NUMBER: _ClassVar[int]
    tenant_id: str
    tenant: Tenant
    def __init__(self, tenant_id: _Optional[str] = ..., tenant: _Optional[_Union[Tenant, _Mapping]] = ...) -> None: ...

class UpdateTenantResponse(_message.Message):
    __slots__ = ("tenant",)
    TENANT_FIELD_NUMBER: _ClassVar[int]
    tenant: Tenant
    def __init__(self, tenant: _Optional[_Union[Tenant, _Mapping]] = ...) -> None: ...

class DeleteTenantRequest(_message.Message):
    __slots__ = ("tenant_id",)
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: str
    def __init__(self, tenant_id: _Optional[str] = ...) -> None: ...

class DeleteTenantResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class RoleBinding(_message.Message):
    __slots__ = ("subject", "roles")
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    ROLES_FIELD_NUMBER: _ClassVar[int]
    subject: str
    roles: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, subject: _Optional[str] = ..., roles: _Optional[_Iterable[str]] = ...) -> None: ...

class ListBindingsRequest(_message.Message):
    __slots__ = ("tenant_id",)
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: str
    def __init__(self, tenant_id: _Optional[str] = ...) -> None: ...

class ListBindingsResponse(_message.Message):
    __slots__ = ("bindings",)
    BINDINGS_FIELD_NUMBER: _ClassVar[int]
    bindings: _containers.RepeatedCompositeFieldContainer[RoleBinding]
    def __init__(self, bindings: _Optional[_Iterable[_Union[RoleBinding, _Mapping]]] = ...) -> None: ...

class PutBindingRequest(_message.Message):
    __slots__ = ("tenant_id", "binding")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    BINDING_FIELD_NUMBER: _ClassVar[int]
    tenant_id: str
    binding: RoleBinding
    def __init__(self, tenant_id: _Optional[str] = ..., binding: _Optional[_Union[RoleBinding, _Mapping]] = ...) -> None: ...

class PutBindingResponse(_message.Message):
    __slots__ = ("binding", "created")
    BINDING_FIELD_NUMBER: _ClassVar[int]
    CREATED_FIELD_NUMBER: _ClassVar[int]
    binding: RoleBinding
    created: bool
    def __init__(self, binding: _Optional[_Union[RoleBinding, _Mapping]] = ..., created: bool = ...) -> None: ...

class DeleteBindingRequest(_message.Message):
    __slots__ = ("tenant_id", "subject")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    tenant_id: str
    subject: str
    def __init__(self, tenant_id: _Optional[str] = ..., subject: _Optional[str] = ...) -> None: ...

class DeleteBindingResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class AuditRecord(_message.Message):
    __slots__ = ("timestamp", "request_id", "tenant", "subject", "client_id", "auth_method", "certificate_thumbprint", "rpc", "http_method", "path", "object_id", "result", "status", "grpc_status", "peer")
    TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    TENANT_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    AUTH_METHOD_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATE_THUMBPRINT_FIELD_NUMBER: _ClassVar[int]
    RPC_FIELD_NUMBER: _ClassVar[int]
    HTTP_METHOD_FIELD_NUMBER: _ClassVar[int]
    PATH_FIELD_NUMBER: _ClassVar[int]
    OBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    GRPC_STATUS_FIELD_NUMBER: _ClassVar[int]
    PEER_FIELD_NUMBER: _ClassVar[int]
    timestamp: str
    request_id: str
    tenant: str
    subject: str
    client_id: str
    auth_method: str
    certificate_thumbprint: str
    rpc: str
    http_method: str
    path: str
    object_id: str
    result: str
    status: int
    grpc_status: int
    peer: str
    def __init__(self, timestamp: _Optional[str] = ..., request_id: _Optional[str] = ..., tenant: _Optional[str] = ..., subject: _Optional[str] = ..., client_id: _Optional[str] = ..., auth_method: _Optional[str] = ..., certificate_thumbprint: _Optional[str] = ..., rpc: _Optional[str] = ..., http_method: _Optional[str] = ..., path: _Optional[str] = ..., object_id: _Optional[str] = ..., result: _Optional[str] = ..., status: _Optional[int] = ..., grpc_status: _Optional[int] = ..., peer: _Optional[str] = ...) -> None: ...

class ListAuditRecordsRequest(_message.Message):
    __slots__ = ("tenant", "subject", "result", "since", "until", "limit")
    TENANT_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    SINCE_FIELD_NUMBER: _ClassVar[int]
    UNTIL_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    tenant: str
    subject: str
    result: str
    since: str
    until: str
    limit: int
    def __init__(self, tenant: _Optional[str] = ..., subject: _Optional[str] = ..., result: _Optional[str] = ..., since: _Optional[str] = ..., until: _Optional[str] = ..., limit: _Optional[int] = ...) -> None: ...

class ListAuditRecordsResponse(_message.Message):
    __slots__ = ("records",)
    RECORDS_FIELD_NUMBER: _ClassVar[int]
    records: _containers.RepeatedCompositeFieldContainer[AuditRecord]
    def __init__(self, records: _Optional[_Iterable[_Union[AuditRecord, _Mapping]]] = ...) -> None: ...
