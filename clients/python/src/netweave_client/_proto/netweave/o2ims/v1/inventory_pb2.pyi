from google.api import annotations_pb2 as _annotations_pb2
from netweave_client._proto.netweave.o2ims.v1 import objects_pb2 as _objects_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetCloudInfoRequest(_message.Message):
    __slots__ = ("options",)
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    options: _objects_pb2.ListOptions
    def __init__(self, options: _Optional[_Union[_objects_pb2.ListOptions, _Mapping]] = ...) -> None: ...

class GetCloudInfoResponse(_message.Message):
    __slots__ = ("cloud_info",)
    CLOUD_INFO_FIELD_NUMBER: _ClassVar[int]
    cloud_info: _objects_pb2.OCloudInfo
    def __init__(self, cloud_info: _Optional[_Union[_objects_pb2.OCloudInfo, _Mapping]] = ...) -> None: ...

class GetAllVersionsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetAllVersionsResponse(_message.Message):
    __slots__ = ("versions",)
    VERSIONS_FIELD_NUMBER: _ClassVar[int]
    versions: _objects_pb2.ApiVersions
    def __init__(self, versions: _Optional[_Union[_objects_pb2.ApiVersions, _Mapping]] = ...) -> None: ...

class GetMinorVersionsRequest(_message.Message):
    __slots__ = ("major_version",)
    MAJOR_VERSION_FIELD_NUMBER: _ClassVar[int]
    major_version: str
    def __init__(self, major_version: _Optional[str] = ...) -> None: ...

class GetMinorVersionsResponse(_message.Message):
    __slots__ = ("versions",)
    VERSIONS_FIELD_NUMBER: _ClassVar[int]
    versions: _objects_pb2.ApiVersions
    def __init__(self, versions: _Optional[_Union[_objects_pb2.ApiVersions, _Mapping]] = ...) -> None: ...

class ListDeploymentManagersRequest(_message.Message):
    __slots__ = ("options",)
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    options: _objects_pb2.ListOptions
    def __init__(self, options: _Optional[_Union[_objects_pb2.ListOptions, _Mapping]] = ...) -> None: ...

class ListDeploymentManagersResponse(_message.Message):
    __slots__ = ("deployment_managers", "next_page_token")
    DEPLOYMENT_MANAGERS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    deployment_managers: _containers.RepeatedCompositeFieldContainer[_objects_pb2.DeploymentManager]
    next_page_token: str
    def __init__(self, deployment_managers: _Optional[_Iterable[_Union[_objects_pb2.DeploymentManager, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class GetDeploymentManagerRequest(_message.Message):
    __slots__ = ("deployment_manager_id",)
    DEPLOYMENT_MANAGER_ID_FIELD_NUMBER: _ClassVar[int]
    deployment_manager_id: str
    def __init__(self, deployment_manager_id: _Optional[str] = ...) -> None: ...

class GetDeploymentManagerResponse(_message.Message):
    __slots__ = ("deployment_manager",)
    DEPLOYMENT_MANAGER_FIELD_NUMBER: _ClassVar[int]
    deployment_manager: _objects_pb2.DeploymentManager
    def __init__(self, deployment_manager: _Optional[_Union[_objects_pb2.DeploymentManager, _Mapping]] = ...) -> None: ...

class ListResourceTypesRequest(_message.Message):
    __slots__ = ("options",)
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    options: _objects_pb2.ListOptions
    def __init__(self, options: _Optional[_Union[_objects_pb2.ListOptions, _Mapping]] = ...) -> None: ...

class ListResourceTypesResponse(_message.Message):
    __slots__ = ("resource_types", "next_page_token")
    RESOURCE_TYPES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    resource_types: _containers.RepeatedCompositeFieldContainer[_objects_pb2.ResourceType]
    next_page_token: str
    def __init__(self, resource_types: _Optional[_Iterable[_Union[_objects_pb2.ResourceType, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class GetResourceTypeRequest(_message.Message):
    __slots__ = ("resource_type_id",)
    RESOURCE_TYPE_ID_FIELD_NUMBER: _ClassVar[int]
    resource_type_id: str
    def __init__(self, resource_type_id: _Optional[str] = ...) -> None: ...

class GetResourceTypeResponse(_message.Message):
    __slots__ = ("resource_type",)
    RESOURCE_TYPE_FIELD_NUMBER: _ClassVar[int]
    resource_type: _objects_pb2.ResourceType
    def __init__(self, resource_type: _Optional[_Union[_objects_pb2.ResourceType, _Mapping]] = ...) -> None: ...

class GetResourceTypeAlarmDictionaryRequest(_message.Message):
    __slots__ = ("resource_type_id",)
    RESOURCE_TYPE_ID_FIELD_NUMBER: _ClassVar[int]
    resource_type_id: str
    def __init__(self, resource_type_id: _Optional[str] = ...) -> None: ...

class GetResourceTypeAlarmDictionaryResponse(_message.Message):
    __slots__ = ("alarm_dictionary",)
    ALARM_DICTIONARY_FIELD_NUMBER: _ClassVar[int]
    alarm_dictionary: _objects_pb2.AlarmDictionary
    def __init__(self, alarm_dictionary: _Optional[_Union[_objects_pb2.AlarmDictionary, _Mapping]] = ...) -> None: ...

class ListResourcePoolsRequest(_message.Message):
    __slots__ = ("options",)
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    options: _objects_pb2.ListOptions
    def __init__(self, options: _Optional[_Union[_objects_pb2.ListOptions, _Mapping]] = ...) -> None: ...

class ListResourcePoolsResponse(_message.Message):
    __slots__ = ("resource_pools", "next_page_token")
    RESOURCE_POOLS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    resource_pools: _containers.RepeatedCompositeFieldContainer[_objects_pb2.ResourcePool]
    next_page_token: str
    def __init__(self, resource_pools: _Optional[_Iterable[_Union[_objects_pb2.ResourcePool, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class GetResourcePoolRequest(_message.Message):
    __slots__ = ("resource_pool_id",)
    RESOURCE_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    resource_pool_id: str
    def __init__(self, resource_pool_id: _Optional[str] = ...) -> None: ...

class GetResourcePoolResponse(_message.Message):
    __slots__ = ("resource_pool",)
    RESOURCE_POOL_FIELD_NUMBER: _ClassVar[int]
    resource_pool: _objects_pb2.ResourcePool
    def __init__(self, resource_pool: _Optional[_Union[_objects_pb2.ResourcePool, _Mapping]] = ...) -> None: ...

class CreateResourcePoolRequest(_message.Message):
    __slots__ = ("resource_pool",)
    RESOURCE_POOL_FIELD_NUMBER: _ClassVar[int]
    resource_pool: _objects_pb2.ResourcePool
    def __init__(self, resource_pool: _Optional[_Union[_objects_pb2.ResourcePool, _Mapping]] = ...) -> None: ...

class CreateResourcePoolResponse(_message.Message):
    __slots__ = ("resource_pool",)
    RESOURCE_POOL_FIELD_NUMBER: _ClassVar[int]
    resource_pool: _objects_pb2.ResourcePool
    def __init__(self, resource_pool: _Optional[_Union[_objects_pb2.ResourcePool, _Mapping]] = ...) -> None: ...

class UpdateResourcePoolRequest(_message.Message):
    __slots__ = ("resource_pool_id", "resource_pool")
    RESOURCE_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_POOL_FIELD_NUMBER: _ClassVar[int]
    resource_pool_id: str
    resource_pool: _objects_pb2.ResourcePool
    def __init__(self, resource_pool_id: _Optional[str] = ..., resource_pool: _Optional[_Union[_objects_pb2.ResourcePool, _Mapping]] = ...) -> None: ...

class UpdateResourcePoolResponse(_message.Message):
    __slots__ = ("resource_pool",)
    RESOURCE_POOL_FIELD_NUMBER: _ClassVar[int]
    resource_pool: _objects_pb2.ResourcePool
    def __init__(self, resource_pool: _Optional[_Union[_objects_pb2.ResourcePool, _Mapping]] = ...) -> None: ...

class DeleteResourcePoolRequest(_message.Message):
    __slots__ = ("resource_pool_id",)
    RESOURCE_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    resource_pool_id: str
    def __init__(self, resource_pool_id: _Optional[str] = ...) -> None: ...

class DeleteResourcePoolResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListResourcesRequest(_message.Message):
    __slots__ = ("resource_pool_id", "options")
    RESOURCE_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    resource_pool_id: str
    options: _objects_pb2.ListOptions
    def __init__(self, resource_pool_id: _Optional[str] = ..., options: _Optional[_Union[_objects_pb2.ListOptions, _Mapping]] = ...) -> None: ...

class ListResourcesResponse(_message.Message):
    __slots__ = ("resources", "next_page_token", "total_count")
    RESOURCES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TOTAL_COUNT_FIELD_NUMBER: _ClassVar[int]
    resources: _containers.RepeatedCompositeFieldContainer[_objects_pb2.Resource]
    next_page_token: str
    total_count: int
    def __init__(self, resources: _Optional[_Iterable[_Union[_objects_pb2.Resource, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., total_count: _Optional[int] = ...) -> None: ...

class GetResourceRequest(_message.Message):
    __slots__ = ("resource_pool_id", "resource_id")
    RESOURCE_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_ID_FIELD_NUMBER: _ClassVar[int]
    resource_pool_id: str
    resource_id: str
    def __init__(self, resource_pool_id: _Optional[str] = ..., resource_id: _Optional[str] = ...) -> None: ...

class GetResourceResponse(_message.Message):
    __slots__ = ("resource",)
    RESOURCE_FIELD_NUMBER: _ClassVar[int]
    resource: _objects_pb2.Resource
    def __init__(self, resource: _Optional[_Union[_objects_pb2.Resource, _Mapping]] = ...) -> None: ...

class CreateResourceRequest(_message.Message):
    __slots__ = ("resource_pool_id", "resource")
    RESOURCE_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_FIELD_NUMBER: _ClassVar[int]
    resource_pool_id: str
    resource: _objects_pb2.Resource
    def __init__(self, resource_pool_id: _Optional[str] = ..., resource: _Optional[_Union[_objects_pb2.Resource, _Mapping]] = ...) -> None: ...

class CreateResourceResponse(_message.Message):
    __slots__ = ("resource",)
    RESOURCE_FIELD_NUMBER: _ClassVar[int]
    resource: _objects_pb2.Resource
    def __init__(self, resource: _Optional[_Union[_objects_pb2.Resource, _Mapping]] = ...) -> None: ...

class DeleteResourceRequest(_message.Message):
    __slots__ = ("resource_pool_id", "resource_id")
    RESOURCE_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_ID_FIELD_NUMBER: _ClassVar[int]
    resource_pool_id: str
    resource_id: str
    def __init__(self, resource_pool_id: _Optional[str] = ..., resource_id: _Optional[str] = ...) -> None: ...

class DeleteResourceResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListAlarmDictionariesRequest(_message.Message):
    __slots__ = ("options",)
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    options: _objects_pb2.ListOptions
    def __init__(self, options: _Optional[_Union[_objects_pb2.ListOptions, _Mapping]] = ...) -> None: ...

class ListAlarmDictionariesResponse(_message.Message):
    __slots__ = ("alarm_dictionaries", "next_page_token")
    ALARM_DICTIONARIES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    alarm_dictionaries: _containers.RepeatedCompositeFieldContainer[_objects_pb2.AlarmDictionary]
    next_page_token: str
    def __init__(self, alarm_dictionaries: _Optional[_Iterable[_Union[_objects_pb2.AlarmDictionary, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class GetAlarmDictionaryRequest(_message.Message):
    __slots__ = ("alarm_dictionary_id",)
    ALARM_DICTIONARY_ID_FIELD_NUMBER: _ClassVar[int]
    alarm_dictionary_id: str
    def __init__(self, alarm_dictionary_id: _Optional[str] = ...) -> None: ...

class GetAlarmDictionaryResponse(_message.Message):
    __slots__ = ("alarm_dictionary",)
    ALARM_DICTIONARY_FIELD_NUMBER: _ClassVar[int]
    alarm_dictionary: _objects_pb2.AlarmDictionary
    def __init__(self, alarm_dictionary: _Optional[_Union[_objects_pb2.AlarmDictionary, _Mapping]] = ...) -> None: ...

class ListLocationsRequest(_message.Message):
    __slots__ = ("options",)
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    options: _objects_pb2.ListOptions
    def __init__(self, options: _Optional[_Union[_objects_pb2.ListOptions, _Mapping]] = ...) -> None: ...

class ListLocationsResponse(_message.Message):
    __slots__ = ("locations", "next_page_token")
    LOCATIONS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    locations: _containers.RepeatedCompositeFieldContainer[_objects_pb2.LocationInfo]
    next_page_token: str
    def __init__(self, locations: _Optional[_Iterable[_Union[_objects_pb2.LocationInfo, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class GetLocationRequest(_message.Message):
    __slots__ = ("global_location_id",)
    GLOBAL_LOCATION_ID_FIELD_NUMBER: _ClassVar[int]
    global_location_id: str
    def __init__(self, global_location_id: _Optional[str] = ...) -> None: ...

class GetLocationResponse(_message.Message):
    __slots__ = ("location",)
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    location: _objects_pb2.LocationInfo
    def __init__(self, location: _Optional[_Union[_objects_pb2.LocationInfo, _Mapping]] = ...) -> None: ...

class ListOCloudSitesRequest(_message.Message):
    __slots__ = ("options",)
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    options: _objects_pb2.ListOptions
    def __init__(self, options: _Optional[_Union[_objects_pb2.ListOptions, _Mapping]] = ...) -> None: ...

class ListOCloudSitesResponse(_message.Message):
    __slots__ = ("o_cloud_sites", "next_page_token")
    O_CLOUD_SITES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    o_cloud_sites: _containers.RepeatedCompositeFieldContainer[_objects_pb2.OCloudSiteInfo]
    next_page_token: str
    def __init__(self, o_cloud_sites: _Optional[_Iterable[_Union[_objects_pb2.OCloudSiteInfo, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class GetOCloudSiteRequest(_message.Message):
    __slots__ = ("o_cloud_site_id",)
    O_CLOUD_SITE_ID_FIELD_NUMBER: _ClassVar[int]
    o_cloud_site_id: str
    def __init__(self, o_cloud_site_id: _Optional[str] = ...) -> None: ...

class GetOCloudSiteResponse(_message.Message):
    __slots__ = ("o_cloud_site",)
    O_CLOUD_SITE_FIELD_NUMBER: _ClassVar[int]
    o_cloud_site: _objects_pb2.OCloudSiteInfo
    def __init__(self, o_cloud_site: _Optional[_Union[_objects_pb2.OCloudSiteInfo, _Mapping]] = ...) -> None: ...
