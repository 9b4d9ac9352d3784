from google.api import annotations_pb2 as _annotations_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from netweave_client._proto.netweave.o2ims.v1 import objects_pb2 as _objects_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ProvisioningPhase(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    PROVISIONING_PHASE_UNSPECIFIED: _ClassVar[ProvisioningPhase]
    PROVISIONING_PHASE_PENDING: _ClassVar[ProvisioningPhase]
    PROVISIONING_PHASE_PROGRESSING: _ClassVar[ProvisioningPhase]
    PROVISIONING_PHASE_FULFILLED: _ClassVar[ProvisioningPhase]
    PROVISIONING_PHASE_FAILED: _ClassVar[ProvisioningPhase]
    PROVISIONING_PHASE_DELETING: _ClassVar[ProvisioningPhase]

class ResourceProvisioningPhase(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    RESOURCE_PROVISIONING_PHASE_UNSPECIFIED: _ClassVar[ResourceProvisioningPhase]
    RESOURCE_PROVISIONING_PHASE_PROCESSING: _ClassVar[ResourceProvisioningPhase]
    RESOURCE_PROVISIONING_PHASE_PROVISIONED: _ClassVar[ResourceProvisioningPhase]
    RESOURCE_PROVISIONING_PHASE_AWAITING_FREE_RESOURCES: _ClassVar[ResourceProvisioningPhase]
    RESOURCE_PROVISIONING_PHASE_FAILED: _ClassVar[ResourceProvisioningPhase]
PROVISIONING_PHASE_UNSPECIFIED: ProvisioningPhase
PROVISIONING_PHASE_PENDING: ProvisioningPhase
PROVISIONING_PHASE_PROGRESSING: ProvisioningPhase
PROVISIONING_PHASE_FULFILLED: ProvisioningPhase
PROVISIONING_PHASE_FAILED: ProvisioningPhase
PROVISIONING_PHASE_DELETING: ProvisioningPhase
RESOURCE_PROVISIONING_PHASE_UNSPECIFIED: ResourceProvisioningPhase
RESOURCE_PROVISIONING_PHASE_PROCESSING: ResourceProvisioningPhase
RESOURCE_PROVISIONING_PHASE_PROVISIONED: ResourceProvisioningPhase
RESOURCE_PROVISIONING_PHASE_AWAITING_FREE_RESOURCES: ResourceProvisioningPhase
RESOURCE_PROVISIONING_PHASE_FAILED: ResourceProvisioningPhase

class ProvisioningRequestData(_message.Message):
    __slots__ = ("provisioning_request_id", "name", "description", "template_name", "template_version", "template_parameters")
    PROVISIONING_REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_NAME_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_VERSION_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_PARAMETERS_FIELD_NUMBER: _ClassVar[int]
    provisioning_request_id: str
    name: str
    description: str
    template_name: str
    template_version: str
    template_parameters: _struct_pb2.Struct
    def __init__(self, provisioning_request_id: _Optional[str] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., template_name: _Optional[str] = ..., template_version: _Optional[str] = ..., template_parameters: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class ResourceProvisioningStatus(_message.Message):
    __slots__ = ("resource_name", "resource_id", "resource_provisioning_phase")
    RESOURCE_NAME_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_ID_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_PROVISIONING_PHASE_FIELD_NUMBER: _ClassVar[int]
    resource_name: str
    resource_id: str
    resource_provisioning_phase: ResourceProvisioningPhase
    def __init__(self, resource_name: _Optional[str] = ..., resource_id: _Optional[str] = ..., resource_provisioning_phase: _Optional[_Union[ResourceProvisioningPhase, str]] = ...) -> None: ...

class ProvisioningStatus(_message.Message):
    __slots__ = ("update_time", "message", "provisioning_phase", "node_cluster_provisioning_status", "infrastructure_resource_provisioning_status")
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    PROVISIONING_PHASE_FIELD_NUMBER: _ClassVar[int]
    NODE_CLUSTER_PROVISIONING_STATUS_FIELD_NUMBER: _ClassVar[int]
    INFRASTRUCTURE_RESOURCE_PROVISIONING_STATUS_FIELD_NUMBER: _ClassVar[int]
    update_time: str
    message: str
    provisioning_phase: ProvisioningPhase
    node_cluster_provisioning_status: ResourceProvisioningStatus
    infrastructure_resource_provisioning_status: _containers.RepeatedCompositeFieldContainer[ResourceProvisioningStatus]
    def __init__(self, update_time: _Optional[str] = ..., message: _Optional[str] = ..., provisioning_phase: _Optional[_Union[ProvisioningPhase, str]] = ..., node_cluster_provisioning_status: _Optional[_Union[ResourceProvisioningStatus, _Mapping]] = ..., infrastructure_resource_provisioning_status: _Optional[_Iterable[_Union[ResourceProvisioningStatus, _Mapping]]] = ...) -> None: ...

class ProvisionedResourceSet(_message.Message):
    __slots__ = ("node_cluster_id", "infrastructure_resource_ids")
    NODE_CLUSTER_ID_FIELD_NUMBER: _ClassVar[int]
    INFRASTRUCTURE_RESOURCE_IDS_FIELD_NUMBER: _ClassVar[int]
    node_cluster_id: str
    infrastructure_resource_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, node_cluster_id: _Optional[str] = ..., infrastructure_resource_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class ProvisioningRequestInfo(_message.Message):
    __slots__ = ("provisioning_request_reference", "provisioning_request_data", "provisioned_resource_set", "status")
    PROVISIONING_REQUEST_REFERENCE_FIELD_NUMBER: _ClassVar[int]
    PROVISIONING_REQUEST_DATA_FIELD_NUMBER: _ClassVar[int]
    PROVISIONED_RESOURCE_SET_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    provisioning_request_reference: str
    provisioning_request_data: ProvisioningRequestData
    provisioned_resource_set: ProvisionedResourceSet
    status: ProvisioningStatus
    def __init__(self, provisioning_request_reference: _Optional[str] = ..., provisioning_request_data: _Optional[_Union[ProvisioningRequestData, _Mapping]] = ..., provisioned_resource_set: _Optional[_Union[ProvisionedResourceSet, _Mapping]] = ..., status: _Optional[_Union[ProvisioningStatus, _Mapping]] = ...) -> None: ...

class GetAllVersionsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetAllVersionsResponse(_message.Message):
    __slots__ = ("versions",)
    VERSIONS_FIELD_NUMBER: _ClassVar[int]
    versions: _objects_pb2.ApiVersions
    def __init__(self, versions: _Optional[_Union[_objects_pb2.ApiVersions, _Mapping]] = ...) -> None: ...

class GetMinorVersionsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetMinorVersionsResponse(_message.Message):
    __slots__ = ("versions",)
    VERSIONS_FIELD_NUMBER: _ClassVar[int]
    versions: _objects_pb2.ApiVersions
    def __init__(self, versions: _Optional[_Union[_objects_pb2.ApiVersions, _Mapping]] = ...) -> None: ...

class ListProvisioningRequestsRequest(_message.Message):
    __slots__ = ("options",)
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    options: _objects_pb2.ListOptions
    def __init__(self, options: _Optional[_Union[_objects_pb2.ListOptions, _Mapping]] = ...) -> None: ...

class ListProvisioningRequestsResponse(_message.Message):
    __slots__ = ("provisioning_requests", "next_page_token")
    PROVISIONING_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    provisioning_requests: _containers.RepeatedCompositeFieldContainer[ProvisioningRequestInfo]
    next_page_token: str
    def __init__(self, provisioning_requests: _Optional[_Iterable[_Union[ProvisioningRequestInfo, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class CreateProvisioningRequestRequest(_message.Message):
    __slots__ = ("provisioning_request_data",)
    PROVISIONING_REQUEST_DATA_FIELD_NUMBER: _ClassVar[int]
    provisioning_request_data: ProvisioningRequestData
    def __init__(self, provisioning_request_data: _Optional[_Union[ProvisioningRequestData, _Mapping]] = ...) -> None: ...

class CreateProvisioningRequestResponse(_message.Message):
    __slots__ = ("provisioning_request",)
    PROVISIONING_REQUEST_FIELD_NUMBER: _ClassVar[int]
    provisioning_request: ProvisioningRequestInfo
    def __init__(self, provisioning_request: _Optional[_Union[ProvisioningRequestInfo, _Mapping]] = ...) -> None: ...

class GetProvisioningRequestRequest(_message.Message):
    __slots__ = ("provisioning_request_id",)
    PROVISIONING_REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    provisioning_request_id: str
    def __init__(self, provisioning_request_id: _Optional[str] = ...) -> None: ...

class GetProvisioningRequestResponse(_message.Message):
    __slots__ = ("provisioning_request",)
    PROVISIONING_REQUEST_FIELD_NUMBER: _ClassVar[int]
    provisioning_request: ProvisioningRequestInfo
    def __init__(self, provisioning_request: _Optional[_Union[ProvisioningRequestInfo, _Mapping]] = ...) -> None: ...

class UpdateProvisioningRequestRequest(_message.Message):
    __slots__ = ("provisioning_request_id", "provisioning_request_data")
    PROVISIONING_REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    PROVISIONING_REQUEST_DATA_FIELD_NUMBER: _ClassVar[int]
    provisioning_request_id: str
    provisioning_request_data: ProvisioningRequestData
    def __init__(self, provisioning_request_id: _Optional[str] = ..., provisioning_request_data: _Optional[_Union[ProvisioningRequestData, _Mapping]] = ...) -> None: ...

class UpdateProvisioningRequestResponse(_message.Message):
    __slots__ = ("provisioning_request",)
    PROVISIONING_REQUEST_FIELD_NUMBER: _ClassVar[int]
    provisioning_request: ProvisioningRequestInfo
    def __init__(self, provisioning_request: _Optional[_Union[ProvisioningRequestInfo, _Mapping]] = ...) -> None: ...

class DeleteProvisioningRequestRequest(_message.Message):
    __slots__ = ("provisioning_request_id",)
    PROVISIONING_REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    provisioning_request_id: str
    def __init__(self, provisioning_request_id: _Optional[str] = ...) -> None: ...

class DeleteProvisioningRequestResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...
