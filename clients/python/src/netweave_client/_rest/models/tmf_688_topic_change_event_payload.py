from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.tmf_688_topic import Tmf688Topic





T = TypeVar("T", bound="Tmf688TopicChangeEventPayload")



@_attrs_define
class Tmf688TopicChangeEventPayload:
    """ The event data structure

        Attributes:
            topic (Tmf688Topic | Unset): Is a event channel provided by the Event Streaming API
     """

    topic: Tmf688Topic | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.tmf_688_topic import Tmf688Topic # noqa: PLC0415
        topic: dict[str, Any] | Unset = UNSET
        if not isinstance(self.topic, Unset):
            topic = self.topic.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if topic is not UNSET:
            field_dict["topic"] = topic

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tmf_688_topic import Tmf688Topic # noqa: PLC0415
        d = dict(src_dict)
        _topic = d.pop("topic", UNSET)
        topic: Tmf688Topic | Unset
        if isinstance(_topic,  Unset):
            topic = UNSET
        else:
            topic = Tmf688Topic.from_dict(_topic)




        tmf_688_topic_change_event_payload = cls(
            topic=topic,
        )


        tmf_688_topic_change_event_payload.additional_properties = d
        return tmf_688_topic_change_event_payload

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
