from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.alertmanager_notification_status import AlertmanagerNotificationStatus
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.alert_annotations import AlertAnnotations
  from ..models.alert_labels import AlertLabels





T = TypeVar("T", bound="Alert")



@_attrs_define
class Alert:
    """ 
        Attributes:
            annotations (AlertAnnotations | Unset):
            ends_at (datetime.datetime | Unset):
            fingerprint (str | Unset): Fingerprint to identify the alert
            generator_url (str | Unset): Identifies the entity that caused the alert
            labels (AlertLabels | Unset):
            starts_at (datetime.datetime | Unset):
            status (AlertmanagerNotificationStatus | Unset): Alertmanager notification status
     """

    annotations: AlertAnnotations | Unset = UNSET
    ends_at: datetime.datetime | Unset = UNSET
    fingerprint: str | Unset = UNSET
    generator_url: str | Unset = UNSET
    labels: AlertLabels | Unset = UNSET
    starts_at: datetime.datetime | Unset = UNSET
    status: AlertmanagerNotificationStatus | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.alert_annotations import AlertAnnotations # noqa: PLC0415
        from ..models.alert_labels import AlertLabels # noqa: PLC0415
        annotations: dict[str, Any] | Unset = UNSET
        if not isinstance(self.annotations, Unset):
            annotations = self.annotations.to_dict()

        ends_at: str | Unset = UNSET
        if not isinstance(self.ends_at, Unset):
            ends_at = self.ends_at.isoformat()

        fingerprint = self.fingerprint

        generator_url = self.generator_url

        labels: dict[str, Any] | Unset = UNSET
        if not isinstance(self.labels, Unset):
            labels = self.labels.to_dict()

        starts_at: str | Unset = UNSET
        if not isinstance(self.starts_at, Unset):
            starts_at = self.starts_at.isoformat()

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if annotations is not UNSET:
            field_dict["annotations"] = annotations
        if ends_at is not UNSET:
            field_dict["endsAt"] = ends_at
        if fingerprint is not UNSET:
            field_dict["fingerprint"] = fingerprint
        if generator_url is not UNSET:
            field_dict["generatorURL"] = generator_url
        if labels is not UNSET:
            field_dict["labels"] = labels
        if starts_at is not UNSET:
            field_dict["startsAt"] = starts_at
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.alert_annotations import AlertAnnotations # noqa: PLC0415
        from ..models.alert_labels import AlertLabels # noqa: PLC0415
        d = dict(src_dict)
        _annotations = d.pop("annotations", UNSET)
        annotations: AlertAnnotations | Unset
        if isinstance(_annotations,  Unset):
            annotations = UNSET
        else:
            annotations = AlertAnnotations.from_dict(_annotations)




        _ends_at = d.pop("endsAt", UNSET)
        ends_at: datetime.datetime | Unset
        if isinstance(_ends_at,  Unset):
            ends_at = UNSET
        else:
            ends_at = datetime.datetime.fromisoformat(_ends_at)




        fingerprint = d.pop("fingerprint", UNSET)

        generator_url = d.pop("generatorURL", UNSET)

        _labels = d.pop("labels", UNSET)
        labels: AlertLabels | Unset
        if isinstance(_labels,  Unset):
            labels = UNSET
        else:
            labels = AlertLabels.from_dict(_labels)




        _starts_at = d.pop("startsAt", UNSET)
        starts_at: datetime.datetime | Unset
        if isinstance(_starts_at,  Unset):
            starts_at = UNSET
        else:
            starts_at = datetime.datetime.fromisoformat(_starts_at)




        _status = d.pop("status", UNSET)
        status: AlertmanagerNotificationStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = AlertmanagerNotificationStatus(_status)




        alert = cls(
            annotations=annotations,
            ends_at=ends_at,
            fingerprint=fingerprint,
            generator_url=generator_url,
            labels=labels,
            starts_at=starts_at,
            status=status,
        )


        alert.additional_properties = d
        return alert

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
