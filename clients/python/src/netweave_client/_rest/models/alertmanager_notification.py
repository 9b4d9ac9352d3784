from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.alertmanager_notification_status import AlertmanagerNotificationStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.alert import Alert
  from ..models.alertmanager_notification_common_annotations import AlertmanagerNotificationCommonAnnotations
  from ..models.alertmanager_notification_common_labels import AlertmanagerNotificationCommonLabels
  from ..models.alertmanager_notification_group_labels import AlertmanagerNotificationGroupLabels
  from ..models.alertmanager_notification_subscriber import AlertmanagerNotificationSubscriber





T = TypeVar("T", bound="AlertmanagerNotification")



@_attrs_define
class AlertmanagerNotification:
    """ Alertmanager notification payload as described here
    https://prometheus.io/docs/alerting/latest/configuration/#webhook_config

        Attributes:
            alerts (list[Alert]):
            group_key (str): Key identifying the group of alerts (e.g. to deduplicate)
            receiver (str):
            status (AlertmanagerNotificationStatus): Alertmanager notification status
            version (str):
            common_annotations (AlertmanagerNotificationCommonAnnotations | Unset):
            common_labels (AlertmanagerNotificationCommonLabels | Unset):
            external_url (str | Unset): Backlink to the Alertmanager
            group_labels (AlertmanagerNotificationGroupLabels | Unset):
            subscriber (AlertmanagerNotificationSubscriber | Unset): Optional subscriber information, if a subscriber is
                found
            truncated_alerts (int | Unset): How many alerts have been truncated due to "max_alerts"
     """

    alerts: list[Alert]
    group_key: str
    receiver: str
    status: AlertmanagerNotificationStatus
    version: str
    common_annotations: AlertmanagerNotificationCommonAnnotations | Unset = UNSET
    common_labels: AlertmanagerNotificationCommonLabels | Unset = UNSET
    external_url: str | Unset = UNSET
    group_labels: AlertmanagerNotificationGroupLabels | Unset = UNSET
    subscriber: AlertmanagerNotificationSubscriber | Unset = UNSET
    truncated_alerts: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.alert import Alert # noqa: PLC0415
        from ..models.alertmanager_notification_common_annotations import AlertmanagerNotificationCommonAnnotations # noqa: PLC0415
        from ..models.alertmanager_notification_common_labels import AlertmanagerNotificationCommonLabels # noqa: PLC0415
        from ..models.alertmanager_notification_group_labels import AlertmanagerNotificationGroupLabels # noqa: PLC0415
        from ..models.alertmanager_notification_subscriber import AlertmanagerNotificationSubscriber # noqa: PLC0415
        alerts = []
        for alerts_item_data in self.alerts:
            alerts_item = alerts_item_data.to_dict()
            alerts.append(alerts_item)



        group_key = self.group_key

        receiver = self.receiver

        status = self.status.value

        version = self.version

        common_annotations: dict[str, Any] | Unset = UNSET
        if not isinstance(self.common_annotations, Unset):
            common_annotations = self.common_annotations.to_dict()

        common_labels: dict[str, Any] | Unset = UNSET
        if not isinstance(self.common_labels, Unset):
            common_labels = self.common_labels.to_dict()

        external_url = self.external_url

        group_labels: dict[str, Any] | Unset = UNSET
        if not isinstance(self.group_labels, Unset):
            group_labels = self.group_labels.to_dict()

        subscriber: dict[str, Any] | Unset = UNSET
        if not isinstance(self.subscriber, Unset):
            subscriber = self.subscriber.to_dict()

        truncated_alerts = self.truncated_alerts


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "alerts": alerts,
            "groupKey": group_key,
            "receiver": receiver,
            "status": status,
            "version": version,
        })
        if common_annotations is not UNSET:
            field_dict["commonAnnotations"] = common_annotations
        if common_labels is not UNSET:
            field_dict["commonLabels"] = common_labels
        if external_url is not UNSET:
            field_dict["externalURL"] = external_url
        if group_labels is not UNSET:
            field_dict["groupLabels"] = group_labels
        if subscriber is not UNSET:
            field_dict["subscriber"] = subscriber
        if truncated_alerts is not UNSET:
            field_dict["truncatedAlerts"] = truncated_alerts

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.alert import Alert # noqa: PLC0415
        from ..models.alertmanager_notification_common_annotations import AlertmanagerNotificationCommonAnnotations # noqa: PLC0415
        from ..models.alertmanager_notification_common_labels import AlertmanagerNotificationCommonLabels # noqa: PLC0415
        from ..models.alertmanager_notification_group_labels import AlertmanagerNotificationGroupLabels # noqa: PLC0415
        from ..models.alertmanager_notification_subscriber import AlertmanagerNotificationSubscriber # noqa: PLC0415
        d = dict(src_dict)
        alerts = []
        _alerts = d.pop("alerts")
        for alerts_item_data in (_alerts):
            alerts_item = Alert.from_dict(alerts_item_data)



            alerts.append(alerts_item)


        group_key = d.pop("groupKey")

        receiver = d.pop("receiver")

        status = AlertmanagerNotificationStatus(d.pop("status"))




        version = d.pop("version")

        _common_annotations = d.pop("commonAnnotations", UNSET)
        common_annotations: AlertmanagerNotificationCommonAnnotations | Unset
        if isinstance(_common_annotations,  Unset):
            common_annotations = UNSET
        else:
            common_annotations = AlertmanagerNotificationCommonAnnotations.from_dict(_common_annotations)




        _common_labels = d.pop("commonLabels", UNSET)
        common_labels: AlertmanagerNotificationCommonLabels | Unset
        if isinstance(_common_labels,  Unset):
            common_labels = UNSET
        else:
            common_labels = AlertmanagerNotificationCommonLabels.from_dict(_common_labels)




        external_url = d.pop("externalURL", UNSET)

        _group_labels = d.pop("groupLabels", UNSET)
        group_labels: AlertmanagerNotificationGroupLabels | Unset
        if isinstance(_group_labels,  Unset):
            group_labels = UNSET
        else:
            group_labels = AlertmanagerNotificationGroupLabels.from_dict(_group_labels)




        _subscriber = d.pop("subscriber", UNSET)
        subscriber: AlertmanagerNotificationSubscriber | Unset
        if isinstance(_subscriber,  Unset):
            subscriber = UNSET
        else:
            subscriber = AlertmanagerNotificationSubscriber.from_dict(_subscriber)




        truncated_alerts = d.pop("truncatedAlerts", UNSET)

        alertmanager_notification = cls(
            alerts=alerts,
            group_key=group_key,
            receiver=receiver,
            status=status,
            version=version,
            common_annotations=common_annotations,
            common_labels=common_labels,
            external_url=external_url,
            group_labels=group_labels,
            subscriber=subscriber,
            truncated_alerts=truncated_alerts,
        )


        alertmanager_notification.additional_properties = d
        return alertmanager_notification

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
