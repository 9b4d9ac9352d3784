from google.api import annotations_pb2 as _annotations_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from netweave_client._proto.netweave.o2ims.v1 import objects_pb2 as _objects_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ManagedInfrastructureTemplate(_message.Message):
    __slots__ = ("artifact_resource_id", "name", "version", "description", "parameter_schema", "characteristics", "extensions")
    class CharacteristicsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ARTIFACT_RESOURCE_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    PARAMETER_SCHEMA_FIELD_NUMBER: _ClassVar[int]
    CHARACTERISTICS_FIELD_NUMBER: _ClassVar[int]
    EXTENSIONS_FIELD_NUMBER: _ClassVar[int]
    artifact_resource_id: str
    name: str
    version: str
    description: str
    parameter_schema: _struct_pb2.Struct
    characteristics: _containers.ScalarMap[str, str]
    extensions: _struct_pb2.Struct
    def __init__(self, artifact_resource_id: _Optional[str] = ..., name: _Optional[str] = ..., version: _Optional[str] = ..., description: _Optional[str] = ..., parameter_schema: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., characteristics: _Optional[_Mapping[str, str]] = ..., extensions: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

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

class ListManagedInfrastructureTemplatesRequest(_message.Message):
    __slots__ = ("options",)
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    options: _objects_pb2.ListOptions
    def __init__(self, options: _Optional[_Union[_objects_pb2.ListOptions, _Mapping]] = ...) -> None: ...

class ListManagedInfrastructureTemplatesResponse(_message.Message):
    __slots__ = ("templates", "next_page_token")
    TEMPLATES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    templates: _containers.RepeatedCompositeFieldContainer[ManagedInfrastructureTemplate]
    next_page_token: str
    def __init__(self, templates: _Optional[_Iterable[_Union[ManagedInfrastructureTemplate, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class GetManagedInfrastructureTemplateRequest(_message.Message):
    __slots__ = ("managed_infrastructure_template_id",)
    MANAGED_INFRASTRUCTURE_TEMPLATE_ID_FIELD_NUMBER: _ClassVar[int]
    managed_infrastructure_template_id: str
    def __init__(self, managed_infrastructure_template_id: _Optional[str] = ...) -> None: ...

class GetManagedInfrastructureTemplateResponse(_message.Message):
    __slots__ = ("template",)
    TEMPLATE_FIELD_NUMBER: _ClassVar[int]
    template: ManagedInfrastructureTemplate
    def __init__(self, template: _Optional[_Union[ManagedInfrastructureTemplate, _Mapping]] = ...) -> None: ...

class GetManagedInfrastructureTemplateDefaultsRequest(_message.Message):
    __slots__ = ("managed_infrastructure_template_id",)
    MANAGED_INFRASTRUCTURE_TEMPLATE_ID_FIELD_NUMBER: _ClassVar[int]
    managed_infrastructure_template_id: str
    def __init__(self, managed_infrastructure_template_id: _Optional[str] = ...) -> None: ...

class GetManagedInfrastructureTemplateDefaultsResponse(_message.Message):
    __slots__ = ("cluster_instance_defaults", "policy_template_defaults")
    CLUSTER_INSTANCE_DEFAULTS_FIELD_NUMBER: _ClassVar[int]
    POLICY_TEMPLATE_DEFAULTS_FIELD_NUMBER: _ClassVar[int]
    cluster_instance_defaults: _struct_pb2.Struct
    policy_template_defaults: _struct_pb2.Struct
    def __init__(self, cluster_instance_defaults: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., policy_template_defaults: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...
