from google.api import annotations_pb2 as _annotations_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from netweave_client._proto.netweave.o2ims.v1 import objects_pb2 as _objects_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class AlarmEventRecord(_message.Message):
    __slots__ = ("alarm_event_record_id", "alarm_definition_id", "probable_cause_id", "alarm_raised_time", "alarm_changed_time", "alarm_cleared_time", "alarm_acknowledged_time", "alarm_acknowledged", "perceived_severity", "extensions", "resource_type_id", "resource_id")
    ALARM_EVENT_RECORD_ID_FIELD_NUMBER: _ClassVar[int]
    ALARM_DEFINITION_ID_FIELD_NUMBER: _ClassVar[int]
    PROBABLE_CAUSE_ID_FIELD_NUMBER: _ClassVar[int]
    ALARM_RAISED_TIME_FIELD_NUMBER: _ClassVar[int]
    ALARM_CHANGED_TIME_FIELD_NUMBER: _ClassVar[int]
    ALARM_CLEARED_TIME_FIELD_NUMBER: _ClassVar[int]
    ALARM_ACKNOWLEDGED_TIME_FIELD_NUMBER: _ClassVar[int]
    ALARM_ACKNOWLEDGED_FIELD_NUMBER: _ClassVar[int]
    PERCEIVED_SEVERITY_FIELD_NUMBER: _ClassVar[int]
    EXTENSIONS_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_TYPE_ID_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_ID_FIELD_NUMBER: _ClassVar[int]
    alarm_event_record_id: str
    alarm_definition_id: str
    probable_cause_id: str
    alarm_raised_time: _timestamp_pb2.Timestamp
    alarm_changed_time: _timestamp_pb2.Timestamp
    alarm_cleared_time: _timestamp_pb2.Timestamp
    alarm_acknowledged_time: _timestamp_pb2.Timestamp
    alarm_acknowledged: bool
    perceived_severity: int
    extensions: _struct_pb2.Struct
    resource_type_id: str
    resource_id: str
    def __init__(self, alarm_event_record_id: _Optional[str] = ..., alarm_definition_id: _Optional[str] = ..., probable_cause_id: _Optional[str] = ..., alarm_raised_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., alarm_changed_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., alarm_cleared_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., alarm_acknowledged_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., alarm_acknowledged: bool = ..., perceived_severity: _Optional[int] = ..., extensions: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., resource_type_id: _Optional[str] = ..., resource_id: _Optional[str] = ...) -> None: ...

class AlarmEventRecordModifications(_message.Message):
    __slots__ = ("alarm_acknowledged", "perceived_severity")
    ALARM_ACKNOWLEDGED_FIELD_NUMBER: _ClassVar[int]
    PERCEIVED_SEVERITY_FIELD_NUMBER: _ClassVar[int]
    alarm_acknowledged: bool
    perceived_severity: int
    def __init__(self, alarm_acknowledged: bool = ..., perceived_severity: _Optional[int] = ...) -> None: ...

class AlarmServiceConfiguration(_message.Message):
    __slots__ = ("retention_period", "extensions")
    RETENTION_PERIOD_FIELD_NUMBER: _ClassVar[int]
    EXTENSIONS_FIELD_NUMBER: _ClassVar[int]
    retention_period: int
    extensions: _struct_pb2.Struct
    def __init__(self, retention_period: _Optional[int] = ..., extensions: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class AlarmServiceConfigurationPatch(_message.Message):
    __slots__ = ("retention_period", "extensions")
    RETENTION_PERIOD_FIELD_NUMBER: _ClassVar[int]
    EXTENSIONS_FIELD_NUMBER: _ClassVar[int]
    retention_period: int
    extensions: _struct_pb2.Struct
    def __init__(self, retention_period: _Optional[int] = ..., extensions: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

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

class ListAlarmsRequest(_message.Message):
    __slots__ = ("options",)
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    options: _objects_pb2.ListOptions
    def __init__(self, options: _Optional[_Union[_objects_pb2.ListOptions, _Mapping]] = ...) -> None: ...

class ListAlarmsResponse(_message.Message):
    __slots__ = ("alarms", "next_page_token")
    ALARMS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    alarms: _containers.RepeatedCompositeFieldContainer[AlarmEventRecord]
    next_page_token: str
    def __init__(self, alarms: _Optional[_Iterable[_Union[AlarmEventRecord, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class GetAlarmRequest(_message.Message):
    __slots__ = ("alarm_event_record_id",)
    ALARM_EVENT_RECORD_ID_FIELD_NUMBER: _ClassVar[int]
    alarm_event_record_id: str
    def __init__(self, alarm_event_record_id: _Optional[str] = ...) -> None: ...

class GetAlarmResponse(_message.Message):
    __slots__ = ("alarm", "etag")
    ALARM_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    alarm: AlarmEventRecord
    etag: str
    def __init__(self, alarm: _Optional[_Union[AlarmEventRecord, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class PatchAlarmRequest(_message.Message):
    __slots__ = ("alarm_event_record_id", "modifications", "if_match")
    ALARM_EVENT_RECORD_ID_FIELD_NUMBER: _ClassVar[int]
    MODIFICATIONS_FIELD_NUMBER: _ClassVar[int]
    IF_MATCH_FIELD_NUMBER: _ClassVar[int]
    alarm_event_record_id: str
    modifications: AlarmEventRecordModifications
    if_match: str
    def __init__(self, alarm_event_record_id: _Optional[str] = ..., modifications: _Optional[_Union[AlarmEventRecordModifications, _Mapping]] = ..., if_match: _Optional[str] = ...) -> None: ...

class PatchAlarmResponse(_message.Message):
    __slots__ = ("modifications", "etag")
    MODIFICATIONS_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    modifications: AlarmEventRecordModifications
    etag: str
    def __init__(self, modifications: _Optional[_Union[AlarmEventRecordModifications, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class GetAlarmServiceConfigurationRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetAlarmServiceConfigurationResponse(_message.Message):
    __slots__ = ("configuration", "etag")
    CONFIGURATION_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    configuration: AlarmServiceConfiguration
    etag: str
    def __init__(self, configuration: _Optional[_Union[AlarmServiceConfiguration, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class UpdateAlarmServiceConfigurationRequest(_message.Message):
    __slots__ = ("configuration", "if_match")
    CONFIGURATION_FIELD_NUMBER: _ClassVar[int]
    IF_MATCH_FIELD_NUMBER: _ClassVar[int]
    configuration: AlarmServiceConfiguration
    if_match: str
    def __init__(self, configuration: _Optional[_Union[AlarmServiceConfiguration, _Mapping]] = ..., if_match: _Optional[str] = ...) -> None: ...

class UpdateAlarmServiceConfigurationResponse(_message.Message):
    __slots__ = ("configuration", "etag")
    CONFIGURATION_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    configuration: AlarmServiceConfiguration
    etag: str
    def __init__(self, configuration: _Optional[_Union[AlarmServiceConfiguration, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class PatchAlarmServiceConfigurationRequest(_message.Message):
    __slots__ = ("patch", "if_match")
    PATCH_FIELD_NUMBER: _ClassVar[int]
    IF_MATCH_FIELD_NUMBER: _ClassVar[int]
    patch: AlarmServiceConfigurationPatch
    if_match: str
    def __init__(self, patch: _Optional[_Union[AlarmServiceConfigurationPatch, _Mapping]] = ..., if_match: _Optional[str] = ...) -> None: ...

class PatchAlarmServiceConfigurationResponse(_message.Message):
    __slots__ = ("configuration", "etag")
    CONFIGURATION_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    configuration: AlarmServiceConfiguration
    etag: str
    def __init__(self, configuration: _Optional[_Union[AlarmServiceConfiguration, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class AlarmSubscriptionInfo(_message.Message):
    __slots__ = ("alarm_subscription_id", "consumer_subscription_id", "filter", "callback")
    ALARM_SUBSCRIPTION_ID_FIELD_NUMBER: _ClassVar[int]
    CONSUMER_SUBSCRIPTION_ID_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    CALLBACK_FIELD_NUMBER: _ClassVar[int]
    alarm_subscription_id: str
    consumer_subscription_id: str
    filter: str
    callback: str
    def __init__(self, alarm_subscription_id: _Optional[str] = ..., consumer_subscription_id: _Optional[str] = ..., filter: _Optional[str] = ..., callback: _Optional[str] = ...) -> None: ...

class ListAlarmSubscriptionsRequest(_message.Message):
    __slots__ = ("options",)
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    options: _objects_pb2.ListOptions
    def __init__(self, options: _Optional[_Union[_objects_pb2.ListOptions, _Mapping]] = ...) -> None: ...

class ListAlarmSubscriptionsResponse(_message.Message):
    __slots__ = ("subscriptions", "next_page_token")
    SUBSCRIPTIONS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    subscriptions: _containers.RepeatedCompositeFieldContainer[AlarmSubscriptionInfo]
    next_page_token: str
    def __init__(self, subscriptions: _Optional[_Iterable[_Union[AlarmSubscriptionInfo, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class CreateAlarmSubscriptionRequest(_message.Message):
    __slots__ = ("subscription",)
    SUBSCRIPTION_FIELD_NUMBER: _ClassVar[int]
    subscription: AlarmSubscriptionInfo
    def __init__(self, subscription: _Optional[_Union[AlarmSubscriptionInfo, _Mapping]] = ...) -> None: ...

class CreateAlarmSubscriptionResponse(_message.Message):
    __slots__ = ("subscription",)
    SUBSCRIPTION_FIELD_NUMBER: _ClassVar[int]
    subscription: AlarmSubscriptionInfo
    def __init__(self, subscription: _Optional[_Union[AlarmSubscriptionInfo, _Mapping]] = ...) -> None: ...

class GetAlarmSubscriptionRequest(_message.Message):
    __slots__ = ("alarm_subscription_id",)
    ALARM_SUBSCRIPTION_ID_FIELD_NUMBER: _ClassVar[int]
    alarm_subscription_id: str
    def __init__(self, alarm_subscription_id: _Optional[str] = ...) -> None: ...

class GetAlarmSubscriptionResponse(_message.Message):
    __slots__ = ("subscription",)
    SUBSCRIPTION_FIELD_NUMBER: _ClassVar[int]
    subscription: AlarmSubscriptionInfo
    def __init__(self, subscription: _Optional[_Union[AlarmSubscriptionInfo, _Mapping]] = ...) -> None: ...

class DeleteAlarmSubscriptionRequest(_message.Message):
    __slots__ = ("alarm_subscription_id",)
    ALARM_SUBSCRIPTION_ID_FIELD_NUMBER: _ClassVar[int]
    alarm_subscription_id: str
    def __init__(self, alarm_subscription_id: _Optional[str] = ...) -> None: ...

class DeleteAlarmSubscriptionResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class Alert(_message.Message):
    __slots__ = ("status", "labels", "annotations", "starts_at", "ends_at", "generator_url", "fingerprint")
    class LabelsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class AnnotationsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    STATUS_FIELD_NUMBER: _ClassVar[int]
    LABELS_FIELD_NUMBER: _ClassVar[int]
    ANNOTATIONS_FIELD_NUMBER: _ClassVar[int]
    STARTS_AT_FIELD_NUMBER: _ClassVar[int]
    ENDS_AT_FIELD_NUMBER: _ClassVar[int]
    GENERATOR_URL_FIELD_NUMBER: _ClassVar[int]
    FINGERPRINT_FIELD_NUMBER: _ClassVar[int]
    status: str
    labels: _containers.ScalarMap[str, str]
    annotations: _containers.ScalarMap[str, str]
    starts_at: _timestamp_pb2.Timestamp
    ends_at: _timestamp_pb2.Timestamp
    generator_url: str
    fingerprint: str
    def __init__(self, status: _Optional[str] = ..., labels: _Optional[_Mapping[str, str]] = ..., annotations: _Optional[_Mapping[str, str]] = ..., starts_at: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., ends_at: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., generator_url: _Optional[str] = ..., fingerprint: _Optional[str] = ...) -> None: ...

class IngestAlertmanagerNotificationRequest(_message.Message):
    __slots__ = ("version", "group_key", "truncated_alerts", "status", "receiver", "group_labels", "common_labels", "common_annotations", "external_url", "alerts")
    class GroupLabelsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class CommonLabelsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class CommonAnnotationsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    VERSION_FIELD_NUMBER: _ClassVar[int]
    GROUP_KEY_FIELD_NUMBER: _ClassVar[int]
    TRUNCATED_ALERTS_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    RECEIVER_FIELD_NUMBER: _ClassVar[int]
    GROUP_LABELS_FIELD_NUMBER: _ClassVar[int]
    COMMON_LABELS_FIELD_NUMBER: _ClassVar[int]
    COMMON_ANNOTATIONS_FIELD_NUMBER: _ClassVar[int]
    EXTERNAL_URL_FIELD_NUMBER: _ClassVar[int]
    ALERTS_FIELD_NUMBER: _ClassVar[int]
    version: str
    group_key: str
    truncated_alerts: int
    status: str
    receiver: str
    group_labels: _containers.ScalarMap[str, str]
    common_labels: _containers.ScalarMap[str, str]
    common_annotations: _containers.ScalarMap[str, str]
    external_url: str
    alerts: _containers.RepeatedCompositeFieldContainer[Alert]
    def __init__(self, version: _Optional[str] = ..., group_key: _Optional[str] = ..., truncated_alerts: _Optional[int] = ..., status: _Optional[str] = ..., receiver: _Optional[str] = ..., group_labels: _Optional[_Mapping[str, str]] = ..., common_labels: _Optional[_Mapping[str, str]] = ..., common_annotations: _Optional[_Mapping[str, str]] = ..., external_url: _Optional[str] = ..., alerts: _Optional[_Iterable[_Union[Alert, _Mapping]]] = ...) -> None: ...

class IngestAlertmanagerNotificationResponse(_message.Message):
    __slots__ = ("changed", "unmapped")
    CHANGED_FIELD_NUMBER: _ClassVar[int]
    UNMAPPED_FIELD_NUMBER: _ClassVar[int]
    changed: int
    unmapped: int
    def __init__(self, changed: _Optional[int] = ..., unmapped: _Optional[int] = ...) -> None: ...
