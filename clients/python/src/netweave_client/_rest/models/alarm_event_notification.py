from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.alarm_event_notification_notification_event_type import AlarmEventNotificationNotificationEventType
from ..models.perceived_severity import PerceivedSeverity
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.alarm_event_notification_extensions import AlarmEventNotificationExtensions





T = TypeVar("T", bound="AlarmEventNotification")



@_attrs_define
class AlarmEventNotification:
    """ Alarm Event Notification sent to subscribers

        Attributes:
            alarm_acknowledged (bool): Boolean value indicating of a management system has acknowledged the alarm. Example:
                True.
            alarm_changed_time (datetime.datetime): Date/Time stamp value when any value of the AlarmEventRecord has been
                modified. Example: 2042-07-21T21:32:28Z.
            alarm_definition_id (UUID): A reference to the Alarm Definition record in the Alarm Dictionary associated with
                the referenced ResourceType. Example: a3a505c7-84dc-4cff-baf8-36f33b3e70fc.
            alarm_event_record_id (UUID): The URL to the AlarmEventRecord object. Example:
                5f768e89-2ae1-477d-9978-173056154d5d.
            alarm_raised_time (datetime.datetime): Date/Time stamp value when the AlarmEventRecord has been created.
                Example: 2042-07-21T20:32:28Z.
            extensions (AlarmEventNotificationExtensions): These are unspecified (not standardized) properties (keys) which
                are tailored by the vendor or
                operator to extend the information provided about the O-Cloud Alarm.
            global_cloud_id (UUID): The global cloud identifier assigned by the SMO.e Example:
                da4698ba-c8a7-429d-ae16-484f15f282c5.
            notification_event_type (AlarmEventNotificationNotificationEventType): Notification event type values Example:
                0.
            perceived_severity (PerceivedSeverity): This is an enumerated set of values which identify the perceived
                severity of the alarm. Example: 1.
            probable_cause_id (UUID): A reference to the ProbableCause of the Alarm. Example: b3cd1cc7-8e5c-42fe-
                aaf5-59fd94e33a8a.
            resource_id (UUID): A reference to the resource instance which caused the alarm. Example:
                3bff173d-a9d5-4157-858f-f934f6fdec45.
            resource_type_id (UUID): A reference to the type of resource which caused the alarm. Example:
                91d5d140-ef52-4167-b6dc-975ad1897f23.
            alarm_acknowledge_time (datetime.datetime | Unset): Date/Time stamp value when any value of the AlarmEventRecord
                has been modified. Example: 2042-07-21T22:32:28Z.
            consumer_subscription_id (UUID | Unset): The value provided by the consumer in the subscription. Example:
                3ddc1128-a14d-46de-80da-6414b192ce9f.
            object_ref (str | Unset): The URL to the AlarmEventRecord object. Example: hostname.com/o2ims-
                infrastructureMonitoring/v1/alarms/bf3f8f2e-6f37-4882-96ad-c0b9cef6fc04.
     """

    alarm_acknowledged: bool
    alarm_changed_time: datetime.datetime
    alarm_definition_id: UUID
    alarm_event_record_id: UUID
    alarm_raised_time: datetime.datetime
    extensions: AlarmEventNotificationExtensions
    global_cloud_id: UUID
    notification_event_type: AlarmEventNotificationNotificationEventType
    perceived_severity: PerceivedSeverity
    probable_cause_id: UUID
    resource_id: UUID
    resource_type_id: UUID
    alarm_acknowledge_time: datetime.datetime | Unset = UNSET
    consumer_subscription_id: UUID | Unset = UNSET
    object_ref: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.alarm_event_notification_extensions import AlarmEventNotificationExtensions # noqa: PLC0415
        alarm_acknowledged = self.alarm_acknowledged

        alarm_changed_time = self.alarm_changed_time.isoformat()

        alarm_definition_id = str(self.alarm_definition_id)

        alarm_event_record_id = str(self.alarm_event_record_id)

        alarm_raised_time = self.alarm_raised_time.isoformat()

        extensions = self.extensions.to_dict()

        global_cloud_id = str(self.global_cloud_id)

        notification_event_type = self.notification_event_type.value

        perceived_severity = self.perceived_severity.value

        probable_cause_id = str(self.probable_cause_id)

        resource_id = str(self.resource_id)

        resource_type_id = str(self.resource_type_id)

        alarm_acknowledge_time: str | Unset = UNSET
        if not isinstance(self.alarm_acknowledge_time, Unset):
            alarm_acknowledge_time = self.alarm_acknowledge_time.isoformat()

        consumer_subscription_id: str | Unset = UNSET
        if not isinstance(self.consumer_subscription_id, Unset):
            consumer_subscription_id = str(self.consumer_subscription_id)

        object_ref = self.object_ref


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "alarmAcknowledged": alarm_acknowledged,
            "alarmChangedTime": alarm_changed_time,
            "alarmDefinitionID": alarm_definition_id,
            "alarmEventRecordId": alarm_event_record_id,
            "alarmRaisedTime": alarm_raised_time,
            "extensions": extensions,
            "globalCloudID": global_cloud_id,
            "notificationEventType": notification_event_type,
            "perceivedSeverity": perceived_severity,
            "probableCauseID": probable_cause_id,
            "resourceID": resource_id,
            "resourceTypeID": resource_type_id,
        })
        if alarm_acknowledge_time is not UNSET:
            field_dict["alarmAcknowledgeTime"] = alarm_acknowledge_time
        if consumer_subscription_id is not UNSET:
            field_dict["consumerSubscriptionId"] = consumer_subscription_id
        if object_ref is not UNSET:
            field_dict["objectRef"] = object_ref

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.alarm_event_notification_extensions import AlarmEventNotificationExtensions # noqa: PLC0415
        d = dict(src_dict)
        alarm_acknowledged = d.pop("alarmAcknowledged")

        alarm_changed_time = datetime.datetime.fromisoformat(d.pop("alarmChangedTime"))




        alarm_definition_id = UUID(d.pop("alarmDefinitionID"))




        alarm_event_record_id = UUID(d.pop("alarmEventRecordId"))




        alarm_raised_time = datetime.datetime.fromisoformat(d.pop("alarmRaisedTime"))




        extensions = AlarmEventNotificationExtensions.from_dict(d.pop("extensions"))




        global_cloud_id = UUID(d.pop("globalCloudID"))




        notification_event_type = AlarmEventNotificationNotificationEventType(d.pop("notificationEventType"))




        perceived_severity = PerceivedSeverity(d.pop("perceivedSeverity"))




        probable_cause_id = UUID(d.pop("probableCauseID"))




        resource_id = UUID(d.pop("resourceID"))




        resource_type_id = UUID(d.pop("resourceTypeID"))




        _alarm_acknowledge_time = d.pop("alarmAcknowledgeTime", UNSET)
        alarm_acknowledge_time: datetime.datetime | Unset
        if isinstance(_alarm_acknowledge_time,  Unset):
            alarm_acknowledge_time = UNSET
        else:
            alarm_acknowledge_time = datetime.datetime.fromisoformat(_alarm_acknowledge_time)




        _consumer_subscription_id = d.pop("consumerSubscriptionId", UNSET)
        consumer_subscription_id: UUID | Unset
        if isinstance(_consumer_subscription_id,  Unset):
            consumer_subscription_id = UNSET
        else:
            consumer_subscription_id = UUID(_consumer_subscription_id)




        object_ref = d.pop("objectRef", UNSET)

        alarm_event_notification = cls(
            alarm_acknowledged=alarm_acknowledged,
            alarm_changed_time=alarm_changed_time,
            alarm_definition_id=alarm_definition_id,
            alarm_event_record_id=alarm_event_record_id,
            alarm_raised_time=alarm_raised_time,
            extensions=extensions,
            global_cloud_id=global_cloud_id,
            notification_event_type=notification_event_type,
            perceived_severity=perceived_severity,
            probable_cause_id=probable_cause_id,
            resource_id=resource_id,
            resource_type_id=resource_type_id,
            alarm_acknowledge_time=alarm_acknowledge_time,
            consumer_subscription_id=consumer_subscription_id,
            object_ref=object_ref,
        )


        alarm_event_notification.additional_properties = d
        return alarm_event_notification

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
