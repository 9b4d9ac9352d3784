from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.location_info_civic_address_item import LocationInfoCivicAddressItem
  from ..models.location_info_coordinate import LocationInfoCoordinate
  from ..models.location_info_extensions import LocationInfoExtensions





T = TypeVar("T", bound="LocationInfo")



@_attrs_define
class LocationInfo:
    """ Information about a location where O-Cloud Sites can be available.

    NOTE: Per O-RAN.WG6.TS.O2IMS-INTERFACE-R005-v11.00 3.2.6.2.16, at least one of 'coordinate',
    'civicAddress', or 'address' shall be provided when creating location data.

        Attributes:
            description (str): Human readable description of the location. Example: Red Hat LocationInfo description.
            extensions (LocationInfoExtensions): List of metadata key-value pairs used to associate meaningful metadata to
                the related location.
            global_location_id (str): Identifier of the location as defined by the SMO. Example: location-1.
            name (str): Human readable name of the location as defined by the SMO. Example: Red Hat LocationInfo.
            o_cloud_site_ids (list[UUID]): List of O-Cloud Site identifiers referencing the O-Cloud Sites available at the
                location. Example: ['7fd364a0-6d82-4e0c-a418-5c1a2f8b9c3e', 'a1b2c3d4-e5f6-7890-abcd-ef1234567890'].
            address (str | Unset): Human readable format of address of the location. Example: 1234 Technology Avenue.
            civic_address (list[LocationInfoCivicAddressItem] | Unset): Civic address of the location. Includes zero or more
                elements comprising the civic address.
                The caType values follow IETF RFC 4776 civic address format:
                  - caType 1: Country (ISO 3166-1 alpha-2 code)
                  - caType 3: State, province, or autonomous community
                  - caType 6: City or municipality
                  - caType 22: Street name
                  - caType 26: Street number or building number
                 Example: [{'caType': 1, 'caValue': 'CA'}, {'caType': 3, 'caValue': 'Ontario'}, {'caType': 6, 'caValue':
                'Toronto'}, {'caType': 22, 'caValue': 'Bay Street'}, {'caType': 26, 'caValue': '200'}].
            coordinate (LocationInfoCoordinate | Unset): The coordinates (including latitude and longitude) of the location.
                The content of this attribute
                follows the provisions for the "Point" geometry object as defined in IETF RFC 7946.
                 Example: {'coordinates': [-77.0364, 38.8951, 100.5], 'type': 'Point'}.
     """

    description: str
    extensions: LocationInfoExtensions
    global_location_id: str
    name: str
    o_cloud_site_ids: list[UUID]
    address: str | Unset = UNSET
    civic_address: list[LocationInfoCivicAddressItem] | Unset = UNSET
    coordinate: LocationInfoCoordinate | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.location_info_civic_address_item import LocationInfoCivicAddressItem # noqa: PLC0415
        from ..models.location_info_coordinate import LocationInfoCoordinate # noqa: PLC0415
        from ..models.location_info_extensions import LocationInfoExtensions # noqa: PLC0415
        description = self.description

        extensions = self.extensions.to_dict()

        global_location_id = self.global_location_id

        name = self.name

        o_cloud_site_ids = []
        for o_cloud_site_ids_item_data in self.o_cloud_site_ids:
            o_cloud_site_ids_item = str(o_cloud_site_ids_item_data)
            o_cloud_site_ids.append(o_cloud_site_ids_item)



        address = self.address

        civic_address: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.civic_address, Unset):
            civic_address = []
            for civic_address_item_data in self.civic_address:
                civic_address_item = civic_address_item_data.to_dict()
                civic_address.append(civic_address_item)



        coordinate: dict[str, Any] | Unset = UNSET
        if not isinstance(self.coordinate, Unset):
            coordinate = self.coordinate.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "description": description,
            "extensions": extensions,
            "globalLocationId": global_location_id,
            "name": name,
            "oCloudSiteIds": o_cloud_site_ids,
        })
        if address is not UNSET:
            field_dict["address"] = address
        if civic_address is not UNSET:
            field_dict["civicAddress"] = civic_address
        if coordinate is not UNSET:
            field_dict["coordinate"] = coordinate

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.location_info_civic_address_item import LocationInfoCivicAddressItem # noqa: PLC0415
        from ..models.location_info_coordinate import LocationInfoCoordinate # noqa: PLC0415
        from ..models.location_info_extensions import LocationInfoExtensions # noqa: PLC0415
        d = dict(src_dict)
        description = d.pop("description")

        extensions = LocationInfoExtensions.from_dict(d.pop("extensions"))




        global_location_id = d.pop("globalLocationId")

        name = d.pop("name")

        o_cloud_site_ids = []
        _o_cloud_site_ids = d.pop("oCloudSiteIds")
        for o_cloud_site_ids_item_data in (_o_cloud_site_ids):
            o_cloud_site_ids_item = UUID(o_cloud_site_ids_item_data)



            o_cloud_site_ids.append(o_cloud_site_ids_item)


        address = d.pop("address", UNSET)

        _civic_address = d.pop("civicAddress", UNSET)
        civic_address: list[LocationInfoCivicAddressItem] | Unset = UNSET
        if _civic_address is not UNSET:
            civic_address = []
            for civic_address_item_data in _civic_address:
                civic_address_item = LocationInfoCivicAddressItem.from_dict(civic_address_item_data)



                civic_address.append(civic_address_item)


        _coordinate = d.pop("coordinate", UNSET)
        coordinate: LocationInfoCoordinate | Unset
        if isinstance(_coordinate,  Unset):
            coordinate = UNSET
        else:
            coordinate = LocationInfoCoordinate.from_dict(_coordinate)




        location_info = cls(
            description=description,
            extensions=extensions,
            global_location_id=global_location_id,
            name=name,
            o_cloud_site_ids=o_cloud_site_ids,
            address=address,
            civic_address=civic_address,
            coordinate=coordinate,
        )


        location_info.additional_properties = d
        return location_info

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
