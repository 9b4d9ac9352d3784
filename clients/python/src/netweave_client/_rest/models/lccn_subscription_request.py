from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.lccn_subscription_request_verbosity import LccnSubscriptionRequestVerbosity
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.lccn_subscription_request_authentication import LccnSubscriptionRequestAuthentication
  from ..models.lifecycle_change_notifications_filter import LifecycleChangeNotificationsFilter





T = TypeVar("T", bound="LccnSubscriptionRequest")



@_attrs_define
class LccnSubscriptionRequest:
    """ A lifecycle subscription request (SOL003 §5.5.2.15). The callback is tested before anything is stored: a GET with
    the subscription's authentication and `Version` must answer 204 (else 422).

        Attributes:
            callback_uri (str):
            authentication (LccnSubscriptionRequestAuthentication | Unset):
            filter_ (LifecycleChangeNotificationsFilter | Unset): LifecycleChangeNotificationsFilter (SOL003 §5.5.3.12):
                every attribute given must match.
            verbosity (LccnSubscriptionRequestVerbosity | Unset):
     """

    callback_uri: str
    authentication: LccnSubscriptionRequestAuthentication | Unset = UNSET
    filter_: LifecycleChangeNotificationsFilter | Unset = UNSET
    verbosity: LccnSubscriptionRequestVerbosity | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.lccn_subscription_request_authentication import LccnSubscriptionRequestAuthentication # noqa: PLC0415
        from ..models.lifecycle_change_notifications_filter import LifecycleChangeNotificationsFilter # noqa: PLC0415
        callback_uri = self.callback_uri

        authentication: dict[str, Any] | Unset = UNSET
        if not isinstance(self.authentication, Unset):
            authentication = self.authentication.to_dict()

        filter_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.filter_, Unset):
            filter_ = self.filter_.to_dict()

        verbosity: str | Unset = UNSET
        if not isinstance(self.verbosity, Unset):
            verbosity = self.verbosity.value



        field_dict: dict[str, Any] = {}

        field_dict.update({
            "callbackUri": callback_uri,
        })
        if authentication is not UNSET:
            field_dict["authentication"] = authentication
        if filter_ is not UNSET:
            field_dict["filter"] = filter_
        if verbosity is not UNSET:
            field_dict["verbosity"] = verbosity

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lccn_subscription_request_authentication import LccnSubscriptionRequestAuthentication # noqa: PLC0415
        from ..models.lifecycle_change_notifications_filter import LifecycleChangeNotificationsFilter # noqa: PLC0415
        d = dict(src_dict)
        callback_uri = d.pop("callbackUri")

        _authentication = d.pop("authentication", UNSET)
        authentication: LccnSubscriptionRequestAuthentication | Unset
        if isinstance(_authentication,  Unset):
            authentication = UNSET
        else:
            authentication = LccnSubscriptionRequestAuthentication.from_dict(_authentication)




        _filter_ = d.pop("filter", UNSET)
        filter_: LifecycleChangeNotificationsFilter | Unset
        if isinstance(_filter_,  Unset):
            filter_ = UNSET
        else:
            filter_ = LifecycleChangeNotificationsFilter.from_dict(_filter_)




        _verbosity = d.pop("verbosity", UNSET)
        verbosity: LccnSubscriptionRequestVerbosity | Unset
        if isinstance(_verbosity,  Unset):
            verbosity = UNSET
        else:
            verbosity = LccnSubscriptionRequestVerbosity(_verbosity)




        lccn_subscription_request = cls(
            callback_uri=callback_uri,
            authentication=authentication,
            filter_=filter_,
            verbosity=verbosity,
        )

        return lccn_subscription_request

