from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ResourceKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    RESOURCE_KIND_UNSPECIFIED: _ClassVar[ResourceKind]
    RESOURCE_KIND_UNDEFINED: _ClassVar[ResourceKind]
    RESOURCE_KIND_PHYSICAL: _ClassVar[ResourceKind]
    RESOURCE_KIND_LOGICAL: _ClassVar[ResourceKind]

class ResourceClass(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    RESOURCE_CLASS_UNSPECIFIED: _ClassVar[ResourceClass]
    RESOURCE_CLASS_UNDEFINED: _ClassVar[ResourceClass]
    RESOURCE_CLASS_COMPUTE: _ClassVar[ResourceClass]
    RESOURCE_CLASS_NETWORKING: _ClassVar[ResourceClass]
    RESOURCE_CLASS_STORAGE: _ClassVar[ResourceClass]

class ManagementInterface(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    MANAGEMENT_INTERFACE_UNSPECIFIED: _ClassVar[ManagementInterface]
    MANAGEMENT_INTERFACE_O2IMS: _ClassVar[ManagementInterface]

class AlarmChangeType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ALARM_CHANGE_TYPE_UNSPECIFIED: _ClassVar[AlarmChangeType]
    ALARM_CHANGE_TYPE_ADDED: _ClassVar[AlarmChangeType]
    ALARM_CHANGE_TYPE_DELETED: _ClassVar[AlarmChangeType]
    ALARM_CHANGE_TYPE_MODIFIED: _ClassVar[AlarmChangeType]

class ClearingType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CLEARING_TYPE_UNSPECIFIED: _ClassVar[ClearingType]
    CLEARING_TYPE_AUTOMATIC: _ClassVar[ClearingType]
    CLEARING_TYPE_MANUAL: _ClassVar[ClearingType]
RESOURCE_KIND_UNSPECIFIED: ResourceKind
RESOURCE_KIND_UNDEFINED: ResourceKind
RESOURCE_KIND_PHYSICAL: ResourceKind
RESOURCE_KIND_LOGICAL: ResourceKind
RESOURCE_CLASS_UNSPECIFIED: ResourceClass
RESOURCE_CLASS_UNDEFINED: ResourceClass
RESOURCE_CLASS_COMPUTE: ResourceClass
RESOURCE_CLASS_NETWORKING: ResourceClass
RESOURCE_CLASS_STORAGE: ResourceClass
MANAGEMENT_INTERFACE_UNSPECIFIED: ManagementInterface
MANAGEMENT_INTERFACE_O2IMS: ManagementInterface
ALARM_CHANGE_TYPE_UNSPECIFIED: AlarmChangeType
ALARM_CHANGE_TYPE_ADDED: AlarmChangeType
ALARM_CHANGE_TYPE_DELETED: AlarmChangeType
ALARM_CHANGE_TYPE_MODIFIED: AlarmChangeType
CLEARING_TYPE_UNSPECIFIED: ClearingType
CLEARING_TYPE_AUTOMATIC: ClearingType
CLEARING_TYPE_MANUAL: ClearingType

class OCloudInfo(_message.Message):
    __slots__ = ("o_cloud_id", "global_cloud_id", "name", "description", "service_uri", "extensions")
    O_CLOUD_ID_FIELD_NUMBER: _ClassVar[int]
    GLOBAL_CLOUD_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    SERVICE_URI_FIELD_NUMBER: _ClassVar[int]
    EXTENSIONS_FIELD_NUMBER: _ClassVar[int]
    o_cloud_id: str
    global_cloud_id: str
    name: str
    description: str
    service_uri: str
    extensions: _struct_pb2.Struct
    def __init__(self, o_cloud_id: _Optional[str] = ..., global_cloud_id: _Optional[str] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., service_uri: _Optional[str] = ..., extensions: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class ApiVersion(_message.Message):
    __slots__ = ("version", "is_deprecated", "retirement_date")
    VERSION_FIELD_NUMBER: _ClassVar[int]
    IS_DEPRECATED_FIELD_NUMBER: _ClassVar[int]
    RETIREMENT_DATE_FIELD_NUMBER: _ClassVar[int]
    version: str
    is_deprecated: bool
    retirement_date: str
    def __init__(self, version: _Optional[str] = ..., is_deprecated: bool = ..., retirement_date: _Optional[str] = ...) -> None: ...

class ApiVersions(_message.Message):
    __slots__ = ("uri_prefix", "api_versions")
    URI_PREFIX_FIELD_NUMBER: _ClassVar[int]
    API_VERSIONS_FIELD_NUMBER: _ClassVar[int]
    uri_prefix: str
    api_versions: _containers.RepeatedCompositeFieldContainer[ApiVersion]
    def __init__(self, uri_prefix: _Optional[str] = ..., api_versions: _Optional[_Iterable[_Union[ApiVersion, _Mapping]]] = ...) -> None: ...

class DeploymentManager(_message.Message):
    __slots__ = ("deployment_manager_id", "name", "description", "o_cloud_id", "service_uri", "supported_locations", "capabilities", "capacity", "extensions")
    DEPLOYMENT_MANAGER_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    O_CLOUD_ID_FIELD_NUMBER: _ClassVar[int]
    SERVICE_URI_FIELD_NUMBER: _ClassVar[int]
    SUPPORTED_LOCATIONS_FIELD_NUMBER: _ClassVar[int]
    CAPABILITIES_FIELD_NUMBER: _ClassVar[int]
    CAPACITY_FIELD_NUMBER: _ClassVar[int]
    EXTENSIONS_FIELD_NUMBER: _ClassVar[int]
    deployment_manager_id: str
    name: str
    description: str
    o_cloud_id: str
    service_uri: str
    supported_locations: _containers.RepeatedScalarFieldContainer[str]
    capabilities: _struct_pb2.Struct
    capacity: _struct_pb2.Struct
    extensions: _struct_pb2.Struct
    def __init__(self, deployment_manager_id: _Optional[str] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., o_cloud_id: _Optional[str] = ..., service_uri: _Optional[str] = ..., supported_locations: _Optional[_Iterable[str]] = ..., capabilities: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., capacity: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., extensions: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class ResourceType(_message.Message):
    __slots__ = ("resource_type_id", "name", "description", "vendor", "model", "version", "alarm_dictionary_id", "resource_kind", "resource_class", "extensions")
    RESOURCE_TYPE_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    VENDOR_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    ALARM_DICTIONARY_ID_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_KIND_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_CLASS_FIELD_NUMBER: _ClassVar[int]
    EXTENSIONS_FIELD_NUMBER: _ClassVar[int]
    resource_type_id: str
    name: str
    description: str
    vendor: str
    model: str
    version: str
    alarm_dictionary_id: str
    resource_kind: ResourceKind
    resource_class: ResourceClass
    extensions: _struct_pb2.Struct
    def __init__(self, resource_type_id: _Optional[str] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., vendor: _Optional[str] = ..., model: _Optional[str] = ..., version: _Optional[str] = ..., alarm_dictionary_id: _Optional[str] = ..., resource_kind: _Optional[_Union[ResourceKind, str]] = ..., resource_class: _Optional[_Union[ResourceClass, str]] = ..., extensions: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class ResourcePool(_message.Message):
    __slots__ = ("resource_pool_id", "name", "o_cloud_site_id", "description", "extensions")
    RESOURCE_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    O_CLOUD_SITE_ID_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    EXTENSIONS_FIELD_NUMBER: _ClassVar[int]
    resource_pool_id: str
    name: str
    o_cloud_site_id: str
    description: str
    extensions: _struct_pb2.Struct
    def __init__(self, resource_pool_id: _Optional[str] = ..., name: _Optional[str] = ..., o_cloud_site_id: _Optional[str] = ..., description: _Optional[str] = ..., extensions: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class Resource(_message.Message):
    __slots__ = ("resource_id", "resource_pool_id", "description", "resource_type_id", "global_asset_id", "elements", "tags", "groups", "extensions")
    RESOURCE_ID_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_TYPE_ID_FIELD_NUMBER: _ClassVar[int]
    GLOBAL_ASSET_ID_FIELD_NUMBER: _ClassVar[int]
    ELEMENTS_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    GROUPS_FIELD_NUMBER: _ClassVar[int]
    EXTENSIONS_FIELD_NUMBER: _ClassVar[int]
    resource_id: str
    resource_pool_id: str
    description: str
    resource_type_id: str
    global_asset_id: str
    elements: _containers.RepeatedCompositeFieldContainer[Resource]
    tags: _containers.RepeatedScalarFieldContainer[str]
    groups: _containers.RepeatedScalarFieldContainer[str]
    extensions: _struct_pb2.Struct
    def __init__(self, resource_id: _Optional[str] = ..., resource_pool_id: _Optional[str] = ..., description: _Optional[str] = ..., resource_type_id: _Optional[str] = ..., global_asset_id: _Optional[str] = ..., elements: _Optional[_Iterable[_Union[Resource, _Mapping]]] = ..., tags: _Optional[_Iterable[str]] = ..., groups: _Optional[_Iterable[str]] = ..., extensions: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class AlarmDefinition(_message.Message):
    __slots__ = ("alarm_definition_id", "alarm_name", "alarm_last_change", "alarm_change_type", "alarm_description", "proposed_repair_actions", "clearing_type", "management_interface_id", "pk_notification_field", "alarm_additional_fields")
    ALARM_DEFINITION_ID_FIELD_NUMBER: _ClassVar[int]
    ALARM_NAME_FIELD_NUMBER: _ClassVar[int]
    ALARM_LAST_CHANGE_FIELD_NUMBER: _ClassVar[int]
    ALARM_CHANGE_TYPE_FIELD_NUMBER: _ClassVar[int]
    ALARM_DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    PROPOSED_REPAIR_ACTIONS_FIELD_NUMBER: _ClassVar[int]
    CLEARING_TYPE_FIELD_NUMBER: _ClassVar[int]
    MANAGEMENT_INTERFACE_ID_FIELD_NUMBER: _ClassVar[int]
    PK_NOTIFICATION_FIELD_FIELD_NUMBER: _ClassVar[int]
    ALARM_ADDITIONAL_FIELDS_FIELD_NUMBER: _ClassVar[int]
    alarm_definition_id: str
    alarm_name: str
    alarm_last_change: str
    alarm_change_type: AlarmChangeType
    alarm_description: str
    proposed_repair_actions: str
    clearing_type: ClearingType
    management_interface_id: _containers.RepeatedScalarFieldContainer[ManagementInterface]
    pk_notification_field: _containers.RepeatedScalarFieldContainer[str]
    alarm_additional_fields: _struct_pb2.Struct
    def __init__(self, alarm_definition_id: _Optional[str] = ..., alarm_name: _Optional[str] = ..., alarm_last_change: _Optional[str] = ..., alarm_change_type: _Optional[_Union[AlarmChangeType, str]] = ..., alarm_description: _Optional[str] = ..., proposed_repair_actions: _Optional[str] = ..., clearing_type: _Optional[_Union[ClearingType, str]] = ..., management_interface_id: _Optional[_Iterable[_Union[ManagementInterface, str]]] = ..., pk_notification_field: _Optional[_Iterable[str]] = ..., alarm_additional_fields: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class AlarmDictionary(_message.Message):
    __slots__ = ("alarm_dictionary_id", "alarm_dictionary_version", "alarm_dictionary_schema_version", "entity_type", "vendor", "management_interface_id", "pk_notification_field", "alarm_definition")
    ALARM_DICTIONARY_ID_FIELD_NUMBER: _ClassVar[int]
    ALARM_DICTIONARY_VERSION_FIELD_NUMBER: _ClassVar[int]
    ALARM_DICTIONARY_SCHEMA_VERSION_FIELD_NUMBER: _ClassVar[int]
    ENTITY_TYPE_FIELD_NUMBER: _ClassVar[int]
    VENDOR_FIELD_NUMBER: _ClassVar[int]
    MANAGEMENT_INTERFACE_ID_FIELD_NUMBER: _ClassVar[int]
    PK_NOTIFICATION_FIELD_FIELD_NUMBER: _ClassVar[int]
    ALARM_DEFINITION_FIELD_NUMBER: _ClassVar[int]
    alarm_dictionary_id: str
    alarm_dictionary_version: str
    alarm_dictionary_schema_version: str
    entity_type: str
    vendor: str
    management_interface_id: _containers.RepeatedScalarFieldContainer[ManagementInterface]
    pk_notification_field: _containers.RepeatedScalarFieldContainer[str]
    alarm_definition: _containers.RepeatedCompositeFieldContainer[AlarmDefinition]
    def __init__(self, alarm_dictionary_id: _Optional[str] = ..., alarm_dictionary_version: _Optional[str] = ..., alarm_dictionary_schema_version: _Optional[str] = ..., entity_type: _Optional[str] = ..., vendor: _Optional[str] = ..., management_interface_id: _Optional[_Iterable[_Union[ManagementInterface, str]]] = ..., pk_notification_field: _Optional[_Iterable[str]] = ..., alarm_definition: _Optional[_Iterable[_Union[AlarmDefinition, _Mapping]]] = ...) -> None: ...

class Coordinate(_message.Message):
    __slots__ = ("type", "coordinates")
    TYPE_FIELD_NUMBER: _ClassVar[int]
    COORDINATES_FIELD_NUMBER: _ClassVar[int]
    type: str
    coordinates: _containers.RepeatedScalarFieldContainer[float]
    def __init__(self, type: _Optional[str] = ..., coordinates: _Optional[_Iterable[float]] = ...) -> None: ...

class CivicAddressElement(_message.Message):
    __slots__ = ("ca_type", "ca_value")
    CA_TYPE_FIELD_NUMBER: _ClassVar[int]
    CA_VALUE_FIELD_NUMBER: _ClassVar[int]
    ca_type: int
    ca_value: str
    def __init__(self, ca_type: _Optional[int] = ..., ca_value: _Optional[str] = ...) -> None: ...

class LocationInfo(_message.Message):
    __slots__ = ("global_location_id", "name", "description", "o_cloud_site_ids", "coordinate", "civic_address", "address", "extensions")
    GLOBAL_LOCATION_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    O_CLOUD_SITE_IDS_FIELD_NUMBER: _ClassVar[int]
    COORDINATE_FIELD_NUMBER: _ClassVar[int]
    CIVIC_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    EXTENSIONS_FIELD_NUMBER: _ClassVar[int]
    global_location_id: str
    name: str
    description: str
    o_cloud_site_ids: _containers.RepeatedScalarFieldContainer[str]
    coordinate: Coordinate
    civic_address: _containers.RepeatedCompositeFieldContainer[CivicAddressElement]
    address: str
    extensions: _struct_pb2.Struct
    def __init__(self, global_location_id: _Optional[str] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., o_cloud_site_ids: _Optional[_Iterable[str]] = ..., coordinate: _Optional[_Union[Coordinate, _Mapping]] = ..., civic_address: _Optional[_Iterable[_Union[CivicAddressElement, _Mapping]]] = ..., address: _Optional[str] = ..., extensions: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class OCloudSiteInfo(_message.Message):
    __slots__ = ("o_cloud_site_id", "global_location_id", "name", "description", "resource_pools", "extensions")
    O_CLOUD_SITE_ID_FIELD_NUMBER: _ClassVar[int]
    GLOBAL_LOCATION_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_POOLS_FIELD_NUMBER: _ClassVar[int]
    EXTENSIONS_FIELD_NUMBER: _ClassVar[int]
    o_cloud_site_id: str
    global_location_id: str
    name: str
    description: str
    resource_pools: _containers.RepeatedScalarFieldContainer[str]
    extensions: _struct_pb2.Struct
    def __init__(self, o_cloud_site_id: _Optional[str] = ..., global_location_id: _Optional[str] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., resource_pools: _Optional[_Iterable[str]] = ..., extensions: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class Subscription(_message.Message):
    __slots__ = ("subscription_id", "consumer_subscription_id", "filter", "callback", "webhook_secret", "hub_id")
    SUBSCRIPTION_ID_FIELD_NUMBER: _ClassVar[int]
    CONSUMER_SUBSCRIPTION_ID_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    CALLBACK_FIELD_NUMBER: _ClassVar[int]
    WEBHOOK_SECRET_FIELD_NUMBER: _ClassVar[int]
    HUB_ID_FIELD_NUMBER: _ClassVar[int]
    subscription_id: str
    consumer_subscription_id: str
    filter: str
    callback: str
    webhook_secret: str
    hub_id: str
    def __init__(self, subscription_id: _Optional[str] = ..., consumer_subscription_id: _Optional[str] = ..., filter: _Optional[str] = ..., callback: _Optional[str] = ..., webhook_secret: _Optional[str] = ..., hub_id: _Optional[str] = ...) -> None: ...

class ListOptions(_message.Message):
    __slots__ = ("filter", "fields", "exclude_fields", "all_fields", "page_size", "page_token")
    FILTER_FIELD_NUMBER: _ClassVar[int]
    FIELDS_FIELD_NUMBER: _ClassVar[int]
    EXCLUDE_FIELDS_FIELD_NUMBER: _ClassVar[int]
    ALL_FIELDS_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    filter: str
    fields: str
    exclude_fields: str
    all_fields: bool
    page_size: int
    page_token: str
    def __init__(self, filter: _Optional[str] = ..., fields: _Optional[str] = ..., exclude_fields: _Optional[str] = ..., all_fields: bool = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...
