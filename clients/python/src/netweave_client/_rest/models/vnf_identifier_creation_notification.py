from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.vnf_identifier_creation_notification_notification_type import VnfIdentifierCreationNotificationNotificationType
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.vnf_identifier_creation_notification_links import VnfIdentifierCreationNotificationLinks





T = TypeVar("T", bound="VnfIdentifierCreationNotification")



@_attrs_define
class VnfIdentifierCreationNotification:
    """ Sent when a VNF instance is created (SOL003 §5.5.2.18).

        Attributes:
            field_links (VnfIdentifierCreationNotificationLinks):
            id (str):
            notification_type (VnfIdentifierCreationNotificationNotificationType):
            subscription_id (str):
            time_stamp (datetime.datetime):
            vnf_instance_id (str):
     """

    field_links: VnfIdentifierCreationNotificationLinks
    id: str
    notification_type: VnfIdentifierCreationNotificationNotificationType
    subscription_id: str
    time_stamp: datetime.datetime
    vnf_instance_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.vnf_identifier_creation_notification_links import VnfIdentifierCreationNotificationLinks # noqa: PLC0415
        field_links = self.field_links.to_dict()

        id = self.id

        notification_type = self.notification_type.value

        subscription_id = self.subscription_id

        time_stamp = self.time_stamp.isoformat()

        vnf_instance_id = self.vnf_instance_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "_links": field_links,
            "id": id,
            "notificationType": notification_type,
            "subscriptionId": subscription_id,
            "timeStamp": time_stamp,
            "vnfInstanceId": vnf_instance_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.vnf_identifier_creation_notification_links import VnfIdentifierCreationNotificationLinks # noqa: PLC0415
        d = dict(src_dict)
        field_links = VnfIdentifierCreationNotificationLinks.from_dict(d.pop("_links"))




        id = d.pop("id")

        notification_type = VnfIdentifierCreationNotificationNotificationType(d.pop("notificationType"))




        subscription_id = d.pop("subscriptionId")

        time_stamp = datetime.datetime.fromisoformat(d.pop("timeStamp"))




        vnf_instance_id = d.pop("vnfInstanceId")

        vnf_identifier_creation_notification = cls(
            field_links=field_links,
            id=id,
            notification_type=notification_type,
            subscription_id=subscription_id,
            time_stamp=time_stamp,
            vnf_instance_id=vnf_instance_id,
        )


        vnf_identifier_creation_notification.additional_properties = d
        return vnf_identifier_creation_notification

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
