from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="IngestAlertmanagerNotificationResponse200")



@_attrs_define
class IngestAlertmanagerNotificationResponse200:
    """ 
        Attributes:
            changed (int): Alarms raised, changed or cleared.
            malformed (int): Alerts lacking status, startsAt or fingerprint (not stored).
            unmapped (int): Alerts naming no known resource (not stored).
     """

    changed: int
    malformed: int
    unmapped: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        changed = self.changed

        malformed = self.malformed

        unmapped = self.unmapped


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "changed": changed,
            "malformed": malformed,
            "unmapped": unmapped,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        changed = d.pop("changed")

        malformed = d.pop("malformed")

        unmapped = d.pop("unmapped")

        ingest_alertmanager_notification_response_200 = cls(
            changed=changed,
            malformed=malformed,
            unmapped=unmapped,
        )


        ingest_alertmanager_notification_response_200.additional_properties = d
        return ingest_alertmanager_notification_response_200

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
