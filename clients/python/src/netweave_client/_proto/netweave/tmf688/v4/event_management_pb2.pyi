from google.api import annotations_pb2 as _annotations_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Hub(_message.Message):
    __slots__ = ("id", "href", "callback", "query", "type", "base_type", "schema_location", "subscription_id", "created_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    HREF_FIELD_NUMBER: _ClassVar[int]
    CALLBACK_FIELD_NUMBER: _ClassVar[int]
    QUERY_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    BASE_TYPE_FIELD_NUMBER: _ClassVar[int]
    SCHEMA_LOCATION_FIELD_NUMBER: _ClassVar[int]
    SUBSCRIPTION_ID_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    href: str
    callback: str
    query: str
    type: str
    base_type: str
    schema_location: str
    subscription_id: str
    created_at: str
    def __init__(self, id: _Optional[str] = ..., href: _Optional[str] = ..., callback: _Optional[str] = ..., query: _Optional[str] = ..., type: _Optional[str] = ..., base_type: _Optional[str] = ..., schema_location: _Optional[str] = ..., subscription_id: _Optional[str] = ..., created_at: _Optional[str] = ...) -> None: ...

class EntityRef(_message.Message):
    __slots__ = ("id", "href", "name", "referred_type")
    ID_FIELD_NUMBER: _ClassVar[int]
    HREF_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    REFERRED_TYPE_FIELD_NUMBER: _ClassVar[int]
    id: str
    href: str
    name: str
    referred_type: str
    def __init__(self, id: _Optional[str] = ..., href: _Optional[str] = ..., name: _Optional[str] = ..., referred_type: _Optional[str] = ...) -> None: ...

class Event(_message.Message):
    __slots__ = ("id", "href", "event_id", "event_time", "event_type", "time_ocurred", "domain", "priority", "title", "description", "field_path", "source", "reporting_system", "event")
    ID_FIELD_NUMBER: _ClassVar[int]
    HREF_FIELD_NUMBER: _ClassVar[int]
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    EVENT_TIME_FIELD_NUMBER: _ClassVar[int]
    EVENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    TIME_OCURRED_FIELD_NUMBER: _ClassVar[int]
    DOMAIN_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    FIELD_PATH_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    REPORTING_SYSTEM_FIELD_NUMBER: _ClassVar[int]
    EVENT_FIELD_NUMBER: _ClassVar[int]
    id: str
    href: str
    event_id: str
    event_time: str
    event_type: str
    time_ocurred: str
    domain: str
    priority: str
    title: str
    description: str
    field_path: str
    source: EntityRef
    reporting_system: EntityRef
    event: _struct_pb2.Struct
    def __init__(self, id: _Optional[str] = ..., href: _Optional[str] = ..., event_id: _Optional[str] = ..., event_time: _Optional[str] = ..., event_type: _Optional[str] = ..., time_ocurred: _Optional[str] = ..., domain: _Optional[str] = ..., priority: _Optional[str] = ..., title: _Optional[str] = ..., description: _Optional[str] = ..., field_path: _Optional[str] = ..., source: _Optional[_Union[EntityRef, _Mapping]] = ..., reporting_system: _Optional[_Union[EntityRef, _Mapping]] = ..., event: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class RegisterHubRequest(_message.Message):
    __slots__ = ("hub",)
    HUB_FIELD_NUMBER: _ClassVar[int]
    hub: Hub
    def __init__(self, hub: _Optional[_Union[Hub, _Mapping]] = ...) -> None: ...

class RegisterHubResponse(_message.Message):
    __slots__ = ("hub",)
    HUB_FIELD_NUMBER: _ClassVar[int]
    hub: Hub
    def __init__(self, hub: _Optional[_Union[Hub, _Mapping]] = ...) -> None: ...

class GetHubRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class GetHubResponse(_message.Message):
    __slots__ = ("hub",)
    HUB_FIELD_NUMBER: _ClassVar[int]
    hub: Hub
    def __init__(self, hub: _Optional[_Union[Hub, _Mapping]] = ...) -> None: ...

class ListHubsRequest(_message.Message):
    __slots__ = ("offset", "limit")
    OFFSET_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    offset: int
    limit: int
    def __init__(self, offset: _Optional[int] = ..., limit: _Optional[int] = ...) -> None: ...

class ListHubsResponse(_message.Message):
    __slots__ = ("hubs", "total_count")
    HUBS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_COUNT_FIELD_NUMBER: _ClassVar[int]
    hubs: _containers.RepeatedCompositeFieldContainer[Hub]
    total_count: int
    def __init__(self, hubs: _Optional[_Iterable[_Union[Hub, _Mapping]]] = ..., total_count: _Optional[int] = ...) -> None: ...

class UnregisterHubRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class UnregisterHubResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListEventsRequest(_message.Message):
    __slots__ = ("query", "offset", "limit")
    QUERY_FIELD_NUMBER: _ClassVar[int]
    OFFSET_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    query: str
    offset: int
    limit: int
    def __init__(self, query: _Optional[str] = ..., offset: _Optional[int] = ..., limit: _Optional[int] = ...) -> None: ...

class ListEventsResponse(_message.Message):
    __slots__ = ("events",)
    EVENTS_FIELD_NUMBER: _ClassVar[int]
    events: _containers.RepeatedCompositeFieldContainer[Event]
    def __init__(self, events: _Optional[_Iterable[_Union[Event, _Mapping]]] = ...) -> None: ...

class GetEventRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class GetEventResponse(_message.Message):
    __slots__ = ("event",)
    EVENT_FIELD_NUMBER: _ClassVar[int]
    event: Event
    def __init__(self, event: _Optional[_Union[Event, _Mapping]] = ...) -> None: ...
