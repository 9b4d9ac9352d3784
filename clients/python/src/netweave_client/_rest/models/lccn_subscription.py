from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.lccn_subscription_verbosity import LccnSubscriptionVerbosity
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.lccn_subscription_links import LccnSubscriptionLinks
  from ..models.lifecycle_change_notifications_filter import LifecycleChangeNotificationsFilter





T = TypeVar("T", bound="LccnSubscription")



@_attrs_define
class LccnSubscription:
    """ A lifecycle subscription (SOL003 §5.5.2.16); its authentication is never shown.

        Attributes:
            field_links (LccnSubscriptionLinks):
            callback_uri (str):
            id (str):
            filter_ (LifecycleChangeNotificationsFilter | Unset): LifecycleChangeNotificationsFilter (SOL003 §5.5.3.12):
                every attribute given must match.
            verbosity (LccnSubscriptionVerbosity | Unset):
     """

    field_links: LccnSubscriptionLinks
    callback_uri: str
    id: str
    filter_: LifecycleChangeNotificationsFilter | Unset = UNSET
    verbosity: LccnSubscriptionVerbosity | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.lccn_subscription_links import LccnSubscriptionLinks # noqa: PLC0415
        from ..models.lifecycle_change_notifications_filter import LifecycleChangeNotificationsFilter # noqa: PLC0415
        field_links = self.field_links.to_dict()

        callback_uri = self.callback_uri

        id = self.id

        filter_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.filter_, Unset):
            filter_ = self.filter_.to_dict()

        verbosity: str | Unset = UNSET
        if not isinstance(self.verbosity, Unset):
            verbosity = self.verbosity.value



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "_links": field_links,
            "callbackUri": callback_uri,
            "id": id,
        })
        if filter_ is not UNSET:
            field_dict["filter"] = filter_
        if verbosity is not UNSET:
            field_dict["verbosity"] = verbosity

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lccn_subscription_links import LccnSubscriptionLinks # noqa: PLC0415
        from ..models.lifecycle_change_notifications_filter import LifecycleChangeNotificationsFilter # noqa: PLC0415
        d = dict(src_dict)
        field_links = LccnSubscriptionLinks.from_dict(d.pop("_links"))




        callback_uri = d.pop("callbackUri")

        id = d.pop("id")

        _filter_ = d.pop("filter", UNSET)
        filter_: LifecycleChangeNotificationsFilter | Unset
        if isinstance(_filter_,  Unset):
            filter_ = UNSET
        else:
            filter_ = LifecycleChangeNotificationsFilter.from_dict(_filter_)




        _verbosity = d.pop("verbosity", UNSET)
        verbosity: LccnSubscriptionVerbosity | Unset
        if isinstance(_verbosity,  Unset):
            verbosity = UNSET
        else:
            verbosity = LccnSubscriptionVerbosity(_verbosity)




        lccn_subscription = cls(
            field_links=field_links,
            callback_uri=callback_uri,
            id=id,
            filter_=filter_,
            verbosity=verbosity,
        )


        lccn_subscription.additional_properties = d
        return lccn_subscription

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
