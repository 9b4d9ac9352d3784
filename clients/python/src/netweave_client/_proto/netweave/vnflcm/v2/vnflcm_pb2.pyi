from google.api import annotations_pb2 as _annotations_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class VnfInstance(_message.Message):
    __slots__ = ("id", "vnf_instance_name", "vnf_instance_description", "vnfd_id", "vnf_provider", "vnf_product_name", "vnf_software_version", "vnfd_version", "instantiation_state", "vim_connection_info", "instantiated_vnf_info", "metadata", "extensions")
    ID_FIELD_NUMBER: _ClassVar[int]
    VNF_INSTANCE_NAME_FIELD_NUMBER: _ClassVar[int]
    VNF_INSTANCE_DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    VNFD_ID_FIELD_NUMBER: _ClassVar[int]
    VNF_PROVIDER_FIELD_NUMBER: _ClassVar[int]
    VNF_PRODUCT_NAME_FIELD_NUMBER: _ClassVar[int]
    VNF_SOFTWARE_VERSION_FIELD_NUMBER: _ClassVar[int]
    VNFD_VERSION_FIELD_NUMBER: _ClassVar[int]
    INSTANTIATION_STATE_FIELD_NUMBER: _ClassVar[int]
    VIM_CONNECTION_INFO_FIELD_NUMBER: _ClassVar[int]
    INSTANTIATED_VNF_INFO_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    EXTENSIONS_FIELD_NUMBER: _ClassVar[int]
    id: str
    vnf_instance_name: str
    vnf_instance_description: str
    vnfd_id: str
    vnf_provider: str
    vnf_product_name: str
    vnf_software_version: str
    vnfd_version: str
    instantiation_state: str
    vim_connection_info: _struct_pb2.Struct
    instantiated_vnf_info: _struct_pb2.Struct
    metadata: _struct_pb2.Struct
    extensions: _struct_pb2.Struct
    def __init__(self, id: _Optional[str] = ..., vnf_instance_name: _Optional[str] = ..., vnf_instance_description: _Optional[str] = ..., vnfd_id: _Optional[str] = ..., vnf_provider: _Optional[str] = ..., vnf_product_name: _Optional[str] = ..., vnf_software_version: _Optional[str] = ..., vnfd_version: _Optional[str] = ..., instantiation_state: _Optional[str] = ..., vim_connection_info: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., instantiated_vnf_info: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., metadata: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., extensions: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class VnfLcmOpOcc(_message.Message):
    __slots__ = ("id", "operation_state", "state_entered_time", "start_time", "vnf_instance_id", "operation", "is_automatic_invocation", "operation_params", "is_cancel_pending", "error", "resource_changes")
    ID_FIELD_NUMBER: _ClassVar[int]
    OPERATION_STATE_FIELD_NUMBER: _ClassVar[int]
    STATE_ENTERED_TIME_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    VNF_INSTANCE_ID_FIELD_NUMBER: _ClassVar[int]
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    IS_AUTOMATIC_INVOCATION_FIELD_NUMBER: _ClassVar[int]
    OPERATION_PARAMS_FIELD_NUMBER: _ClassVar[int]
    IS_CANCEL_PENDING_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_CHANGES_FIELD_NUMBER: _ClassVar[int]
    id: str
    operation_state: str
    state_entered_time: str
    start_time: str
    vnf_instance_id: str
    operation: str
    is_automatic_invocation: bool
    operation_params: _struct_pb2.Struct
    is_cancel_pending: bool
    error: _struct_pb2.Struct
    resource_changes: _struct_pb2.Struct
    def __init__(self, id: _Optional[str] = ..., operation_state: _Optional[str] = ..., state_entered_time: _Optional[str] = ..., start_time: _Optional[str] = ..., vnf_instance_id: _Optional[str] = ..., operation: _Optional[str] = ..., is_automatic_invocation: bool = ..., operation_params: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., is_cancel_pending: bool = ..., error: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., resource_changes: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class ApiVersion(_message.Message):
    __slots__ = ("version", "is_deprecated")
    VERSION_FIELD_NUMBER: _ClassVar[int]
    IS_DEPRECATED_FIELD_NUMBER: _ClassVar[int]
    version: str
    is_deprecated: bool
    def __init__(self, version: _Optional[str] = ..., is_deprecated: bool = ...) -> None: ...

class GetAllVersionsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetAllVersionsResponse(_message.Message):
    __slots__ = ("uri_prefix", "api_versions")
    URI_PREFIX_FIELD_NUMBER: _ClassVar[int]
    API_VERSIONS_FIELD_NUMBER: _ClassVar[int]
    uri_prefix: str
    api_versions: _containers.RepeatedCompositeFieldContainer[ApiVersion]
    def __init__(self, uri_prefix: _Optional[str] = ..., api_versions: _Optional[_Iterable[_Union[ApiVersion, _Mapping]]] = ...) -> None: ...

class GetMinorVersionsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetMinorVersionsResponse(_message.Message):
    __slots__ = ("uri_prefix", "api_versions")
    URI_PREFIX_FIELD_NUMBER: _ClassVar[int]
    API_VERSIONS_FIELD_NUMBER: _ClassVar[int]
    uri_prefix: str
    api_versions: _containers.RepeatedCompositeFieldContainer[ApiVersion]
    def __init__(self, uri_prefix: _Optional[str] = ..., api_versions: _Optional[_Iterable[_Union[ApiVersion, _Mapping]]] = ...) -> None: ...

class ListVnfInstancesRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListVnfInstancesResponse(_message.Message):
    __slots__ = ("vnf_instances",)
    VNF_INSTANCES_FIELD_NUMBER: _ClassVar[int]
    vnf_instances: _containers.RepeatedCompositeFieldContainer[VnfInstance]
    def __init__(self, vnf_instances: _Optional[_Iterable[_Union[VnfInstance, _Mapping]]] = ...) -> None: ...

class CreateVnfInstanceRequest(_message.Message):
    __slots__ = ("vnfd_id", "vnf_instance_name", "vnf_instance_description", "metadata")
    VNFD_ID_FIELD_NUMBER: _ClassVar[int]
    VNF_INSTANCE_NAME_FIELD_NUMBER: _ClassVar[int]
    VNF_INSTANCE_DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    vnfd_id: str
    vnf_instance_name: str
    vnf_instance_description: str
    metadata: _struct_pb2.Struct
    def __init__(self, vnfd_id: _Optional[str] = ..., vnf_instance_name: _Optional[str] = ..., vnf_instance_description: _Optional[str] = ..., metadata: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class CreateVnfInstanceResponse(_message.Message):
    __slots__ = ("vnf_instance",)
    VNF_INSTANCE_FIELD_NUMBER: _ClassVar[int]
    vnf_instance: VnfInstance
    def __init__(self, vnf_instance: _Optional[_Union[VnfInstance, _Mapping]] = ...) -> None: ...

class GetVnfInstanceRequest(_message.Message):
    __slots__ = ("vnf_instance_id",)
    VNF_INSTANCE_ID_FIELD_NUMBER: _ClassVar[int]
    vnf_instance_id: str
    def __init__(self, vnf_instance_id: _Optional[str] = ...) -> None: ...

class GetVnfInstanceResponse(_message.Message):
    __slots__ = ("vnf_instance",)
    VNF_INSTANCE_FIELD_NUMBER: _ClassVar[int]
    vnf_instance: VnfInstance
    def __init__(self, vnf_instance: _Optional[_Union[VnfInstance, _Mapping]] = ...) -> None: ...

class ModifyVnfInstanceRequest(_message.Message):
    __slots__ = ("vnf_instance_id", "modifications")
    VNF_INSTANCE_ID_FIELD_NUMBER: _ClassVar[int]
    MODIFICATIONS_FIELD_NUMBER: _ClassVar[int]
    vnf_instance_id: str
    modifications: _struct_pb2.Struct
    def __init__(self, vnf_instance_id: _Optional[str] = ..., modifications: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class ModifyVnfInstanceResponse(_message.Message):
    __slots__ = ("vnf_lcm_op_occ_id",)
    VNF_LCM_OP_OCC_ID_FIELD_NUMBER: _ClassVar[int]
    vnf_lcm_op_occ_id: str
    def __init__(self, vnf_lcm_op_occ_id: _Optional[str] = ...) -> None: ...

class DeleteVnfInstanceRequest(_message.Message):
    __slots__ = ("vnf_instance_id",)
    VNF_INSTANCE_ID_FIELD_NUMBER: _ClassVar[int]
    vnf_instance_id: str
    def __init__(self, vnf_instance_id: _Optional[str] = ...) -> None: ...

class DeleteVnfInstanceResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class InstantiateVnfRequest(_message.Message):
    __slots__ = ("vnf_instance_id", "flavour_id", "instantiation_level_id", "vim_connection_info", "additional_params", "extensions", "vnf_configurable_properties")
    VNF_INSTANCE_ID_FIELD_NUMBER: _ClassVar[int]
    FLAVOUR_ID_FIELD_NUMBER: _ClassVar[int]
    INSTANTIATION_LEVEL_ID_FIELD_NUMBER: _ClassVar[int]
    VIM_CONNECTION_INFO_FIELD_NUMBER: _ClassVar[int]
    ADDITIONAL_PARAMS_FIELD_NUMBER: _ClassVar[int]
    EXTENSIONS_FIELD_NUMBER: _ClassVar[int]
    VNF_CONFIGURABLE_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    vnf_instance_id: str
    flavour_id: str
    instantiation_level_id: str
    vim_connection_info: _struct_pb2.Struct
    additional_params: _struct_pb2.Struct
    extensions: _struct_pb2.Struct
    vnf_configurable_properties: _struct_pb2.Struct
    def __init__(self, vnf_instance_id: _Optional[str] = ..., flavour_id: _Optional[str] = ..., instantiation_level_id: _Optional[str] = ..., vim_connection_info: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., additional_params: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., extensions: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., vnf_configurable_properties: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class InstantiateVnfResponse(_message.Message):
    __slots__ = ("vnf_lcm_op_occ_id",)
    VNF_LCM_OP_OCC_ID_FIELD_NUMBER: _ClassVar[int]
    vnf_lcm_op_occ_id: str
    def __init__(self, vnf_lcm_op_occ_id: _Optional[str] = ...) -> None: ...

class ScaleVnfRequest(_message.Message):
    __slots__ = ("vnf_instance_id", "type", "aspect_id", "number_of_steps", "additional_params")
    VNF_INSTANCE_ID_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    ASPECT_ID_FIELD_NUMBER: _ClassVar[int]
    NUMBER_OF_STEPS_FIELD_NUMBER: _ClassVar[int]
    ADDITIONAL_PARAMS_FIELD_NUMBER: _ClassVar[int]
    vnf_instance_id: str
    type: str
    aspect_id: str
    number_of_steps: int
    additional_params: _struct_pb2.Struct
    def __init__(self, vnf_instance_id: _Optional[str] = ..., type: _Optional[str] = ..., aspect_id: _Optional[str] = ..., number_of_steps: _Optional[int] = ..., additional_params: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class ScaleVnfResponse(_message.Message):
    __slots__ = ("vnf_lcm_op_occ_id",)
    VNF_LCM_OP_OCC_ID_FIELD_NUMBER: _ClassVar[int]
    vnf_lcm_op_occ_id: str
    def __init__(self, vnf_lcm_op_occ_id: _Optional[str] = ...) -> None: ...

class HealVnfRequest(_message.Message):
    __slots__ = ("vnf_instance_id", "vnfc_instance_id", "cause", "additional_params")
    VNF_INSTANCE_ID_FIELD_NUMBER: _ClassVar[int]
    VNFC_INSTANCE_ID_FIELD_NUMBER: _ClassVar[int]
    CAUSE_FIELD_NUMBER: _ClassVar[int]
    ADDITIONAL_PARAMS_FIELD_NUMBER: _ClassVar[int]
    vnf_instance_id: str
    vnfc_instance_id: _containers.RepeatedScalarFieldContainer[str]
    cause: str
    additional_params: _struct_pb2.Struct
    def __init__(self, vnf_instance_id: _Optional[str] = ..., vnfc_instance_id: _Optional[_Iterable[str]] = ..., cause: _Optional[str] = ..., additional_params: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class HealVnfResponse(_message.Message):
    __slots__ = ("vnf_lcm_op_occ_id",)
    VNF_LCM_OP_OCC_ID_FIELD_NUMBER: _ClassVar[int]
    vnf_lcm_op_occ_id: str
    def __init__(self, vnf_lcm_op_occ_id: _Optional[str] = ...) -> None: ...

class TerminateVnfRequest(_message.Message):
    __slots__ = ("vnf_instance_id", "termination_type", "graceful_termination_timeout", "additional_params")
    VNF_INSTANCE_ID_FIELD_NUMBER: _ClassVar[int]
    TERMINATION_TYPE_FIELD_NUMBER: _ClassVar[int]
    GRACEFUL_TERMINATION_TIMEOUT_FIELD_NUMBER: _ClassVar[int]
    ADDITIONAL_PARAMS_FIELD_NUMBER: _ClassVar[int]
    vnf_instance_id: str
    termination_type: str
    graceful_termination_timeout: int
    additional_params: _struct_pb2.Struct
    def __init__(self, vnf_instance_id: _Optional[str] = ..., termination_type: _Optional[str] = ..., graceful_termination_timeout: _Optional[int] = ..., additional_params: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class TerminateVnfResponse(_message.Message):
    __slots__ = ("vnf_lcm_op_occ_id",)
    VNF_LCM_OP_OCC_ID_FIELD_NUMBER: _ClassVar[int]
    vnf_lcm_op_occ_id: str
    def __init__(self, vnf_lcm_op_occ_id: _Optional[str] = ...) -> None: ...

class ChangeVnfpkgRequest(_message.Message):
    __slots__ = ("vnf_instance_id", "vnfd_id", "additional_params", "extensions")
    VNF_INSTANCE_ID_FIELD_NUMBER: _ClassVar[int]
    VNFD_ID_FIELD_NUMBER: _ClassVar[int]
    ADDITIONAL_PARAMS_FIELD_NUMBER: _ClassVar[int]
    EXTENSIONS_FIELD_NUMBER: _ClassVar[int]
    vnf_instance_id: str
    vnfd_id: str
    additional_params: _struct_pb2.Struct
    extensions: _struct_pb2.Struct
    def __init__(self, vnf_instance_id: _Optional[str] = ..., vnfd_id: _Optional[str] = ..., additional_params: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., extensions: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class ChangeVnfpkgResponse(_message.Message):
    __slots__ = ("vnf_lcm_op_occ_id",)
    VNF_LCM_OP_OCC_ID_FIELD_NUMBER: _ClassVar[int]
    vnf_lcm_op_occ_id: str
    def __init__(self, vnf_lcm_op_occ_id: _Optional[str] = ...) -> None: ...

class ListVnfLcmOpOccsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListVnfLcmOpOccsResponse(_message.Message):
    __slots__ = ("vnf_lcm_op_occs",)
    VNF_LCM_OP_OCCS_FIELD_NUMBER: _ClassVar[int]
    vnf_lcm_op_occs: _containers.RepeatedCompositeFieldContainer[VnfLcmOpOcc]
    def __init__(self, vnf_lcm_op_occs: _Optional[_Iterable[_Union[VnfLcmOpOcc, _Mapping]]] = ...) -> None: ...

class GetVnfLcmOpOccRequest(_message.Message):
    __slots__ = ("vnf_lcm_op_occ_id",)
    VNF_LCM_OP_OCC_ID_FIELD_NUMBER: _ClassVar[int]
    vnf_lcm_op_occ_id: str
    def __init__(self, vnf_lcm_op_occ_id: _Optional[str] = ...) -> None: ...

class GetVnfLcmOpOccResponse(_message.Message):
    __slots__ = ("vnf_lcm_op_occ",)
    VNF_LCM_OP_OCC_FIELD_NUMBER: _ClassVar[int]
    vnf_lcm_op_occ: VnfLcmOpOcc
    def __init__(self, vnf_lcm_op_occ: _Optional[_Union[VnfLcmOpOcc, _Mapping]] = ...) -> None: ...

class RetryVnfLcmOpOccRequest(_message.Message):
    __slots__ = ("vnf_lcm_op_occ_id",)
    VNF_LCM_OP_OCC_ID_FIELD_NUMBER: _ClassVar[int]
    vnf_lcm_op_occ_id: str
    def __init__(self, vnf_lcm_op_occ_id: _Optional[str] = ...) -> None: ...

class RetryVnfLcmOpOccResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class RollbackVnfLcmOpOccRequest(_message.Message):
    __slots__ = ("vnf_lcm_op_occ_id",)
    VNF_LCM_OP_OCC_ID_FIELD_NUMBER: _ClassVar[int]
    vnf_lcm_op_occ_id: str
    def __init__(self, vnf_lcm_op_occ_id: _Optional[str] = ...) -> None: ...

class RollbackVnfLcmOpOccResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class FailVnfLcmOpOccRequest(_message.Message):
    __slots__ = ("vnf_lcm_op_occ_id",)
    VNF_LCM_OP_OCC_ID_FIELD_NUMBER: _ClassVar[int]
    vnf_lcm_op_occ_id: str
    def __init__(self, vnf_lcm_op_occ_id: _Optional[str] = ...) -> None: ...

class FailVnfLcmOpOccResponse(_message.Message):
    __slots__ = ("vnf_lcm_op_occ",)
    VNF_LCM_OP_OCC_FIELD_NUMBER: _ClassVar[int]
    vnf_lcm_op_occ: VnfLcmOpOcc
    def __init__(self, vnf_lcm_op_occ: _Optional[_Union[VnfLcmOpOcc, _Mapping]] = ...) -> None: ...

class LccnSubscription(_message.Message):
    __slots__ = ("id", "filter", "callback_uri", "verbosity")
    ID_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    CALLBACK_URI_FIELD_NUMBER: _ClassVar[int]
    VERBOSITY_FIELD_NUMBER: _ClassVar[int]
    id: str
    filter: _struct_pb2.Struct
    callback_uri: str
    verbosity: str
    def __init__(self, id: _Optional[str] = ..., filter: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., callback_uri: _Optional[str] = ..., verbosity: _Optional[str] = ...) -> None: ...

class CreateLccnSubscriptionRequest(_message.Message):
    __slots__ = ("callback_uri", "filter", "authentication", "verbosity")
    CALLBACK_URI_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    AUTHENTICATION_FIELD_NUMBER: _ClassVar[int]
    VERBOSITY_FIELD_NUMBER: _ClassVar[int]
    callback_uri: str
    filter: _struct_pb2.Struct
    authentication: _struct_pb2.Struct
    verbosity: str
    def __init__(self, callback_uri: _Optional[str] = ..., filter: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., authentication: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., verbosity: _Optional[str] = ...) -> None: ...

class CreateLccnSubscriptionResponse(_message.Message):
    __slots__ = ("subscription",)
    SUBSCRIPTION_FIELD_NUMBER: _ClassVar[int]
    subscription: LccnSubscription
    def __init__(self, subscription: _Optional[_Union[LccnSubscription, _Mapping]] = ...) -> None: ...

class ListLccnSubscriptionsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListLccnSubscriptionsResponse(_message.Message):
    __slots__ = ("subscriptions",)
    SUBSCRIPTIONS_FIELD_NUMBER: _ClassVar[int]
    subscriptions: _containers.RepeatedCompositeFieldContainer[LccnSubscription]
    def __init__(self, subscriptions: _Optional[_Iterable[_Union[LccnSubscription, _Mapping]]] = ...) -> None: ...

class GetLccnSubscriptionRequest(_message.Message):
    __slots__ = ("subscription_id",)
    SUBSCRIPTION_ID_FIELD_NUMBER: _ClassVar[int]
    subscription_id: str
    def __init__(self, subscription_id: _Optional[str] = ...) -> None: ...

class GetLccnSubscriptionResponse(_message.Message):
    __slots__ = ("subscription",)
    SUBSCRIPTION_FIELD_NUMBER: _ClassVar[int]
    subscription: LccnSubscription
    def __init__(self, subscription: _Optional[_Union[LccnSubscription, _Mapping]] = ...) -> None: ...

class DeleteLccnSubscriptionRequest(_message.Message):
    __slots__ = ("subscription_id",)
    SUBSCRIPTION_ID_FIELD_NUMBER: _ClassVar[int]
    subscription_id: str
    def __init__(self, subscription_id: _Optional[str] = ...) -> None: ...

class DeleteLccnSubscriptionResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...
