from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.vnf_pkg_info_onboarding_state import VnfPkgInfoOnboardingState
from ..models.vnf_pkg_info_operational_state import VnfPkgInfoOperationalState
from ..models.vnf_pkg_info_usage_state import VnfPkgInfoUsageState
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.vnf_pkg_info_additional_artifacts_item import VnfPkgInfoAdditionalArtifactsItem
  from ..models.vnf_pkg_info_checksum import VnfPkgInfoChecksum
  from ..models.vnf_pkg_info_links import VnfPkgInfoLinks
  from ..models.vnf_pkg_info_software_images_item import VnfPkgInfoSoftwareImagesItem
  from ..models.vnf_pkg_info_user_defined_data import VnfPkgInfoUserDefinedData





T = TypeVar("T", bound="VnfPkgInfo")



@_attrs_define
class VnfPkgInfo:
    """ A VNF package (SOL005 VnfPkgInfo as Tacker serves it). The VNFD's attributes appear once the package is ONBOARDED.

        Attributes:
            field_links (VnfPkgInfoLinks):
            id (str):
            onboarding_state (VnfPkgInfoOnboardingState):
            operational_state (VnfPkgInfoOperationalState):
            usage_state (VnfPkgInfoUsageState):
            additional_artifacts (list[VnfPkgInfoAdditionalArtifactsItem] | Unset):
            checksum (VnfPkgInfoChecksum | Unset):
            software_images (list[VnfPkgInfoSoftwareImagesItem] | Unset):
            user_defined_data (VnfPkgInfoUserDefinedData | Unset):
            vnf_product_name (str | Unset):
            vnf_provider (str | Unset):
            vnf_software_version (str | Unset):
            vnfd_id (str | Unset):
            vnfd_version (str | Unset):
     """

    field_links: VnfPkgInfoLinks
    id: str
    onboarding_state: VnfPkgInfoOnboardingState
    operational_state: VnfPkgInfoOperationalState
    usage_state: VnfPkgInfoUsageState
    additional_artifacts: list[VnfPkgInfoAdditionalArtifactsItem] | Unset = UNSET
    checksum: VnfPkgInfoChecksum | Unset = UNSET
    software_images: list[VnfPkgInfoSoftwareImagesItem] | Unset = UNSET
    user_defined_data: VnfPkgInfoUserDefinedData | Unset = UNSET
    vnf_product_name: str | Unset = UNSET
    vnf_provider: str | Unset = UNSET
    vnf_software_version: str | Unset = UNSET
    vnfd_id: str | Unset = UNSET
    vnfd_version: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.vnf_pkg_info_additional_artifacts_item import VnfPkgInfoAdditionalArtifactsItem # noqa: PLC0415
        from ..models.vnf_pkg_info_checksum import VnfPkgInfoChecksum # noqa: PLC0415
        from ..models.vnf_pkg_info_links import VnfPkgInfoLinks # noqa: PLC0415
        from ..models.vnf_pkg_info_software_images_item import VnfPkgInfoSoftwareImagesItem # noqa: PLC0415
        from ..models.vnf_pkg_info_user_defined_data import VnfPkgInfoUserDefinedData # noqa: PLC0415
        field_links = self.field_links.to_dict()

        id = self.id

        onboarding_state = self.onboarding_state.value

        operational_state = self.operational_state.value

        usage_state = self.usage_state.value

        additional_artifacts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.additional_artifacts, Unset):
            additional_artifacts = []
            for additional_artifacts_item_data in self.additional_artifacts:
                additional_artifacts_item = additional_artifacts_item_data.to_dict()
                additional_artifacts.append(additional_artifacts_item)



        checksum: dict[str, Any] | Unset = UNSET
        if not isinstance(self.checksum, Unset):
            checksum = self.checksum.to_dict()

        software_images: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.software_images, Unset):
            software_images = []
            for software_images_item_data in self.software_images:
                software_images_item = software_images_item_data.to_dict()
                software_images.append(software_images_item)



        user_defined_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.user_defined_data, Unset):
            user_defined_data = self.user_defined_data.to_dict()

        vnf_product_name = self.vnf_product_name

        vnf_provider = self.vnf_provider

        vnf_software_version = self.vnf_software_version

        vnfd_id = self.vnfd_id

        vnfd_version = self.vnfd_version


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "_links": field_links,
            "id": id,
            "onboardingState": onboarding_state,
            "operationalState": operational_state,
            "usageState": usage_state,
        })
        if additional_artifacts is not UNSET:
            field_dict["additionalArtifacts"] = additional_artifacts
        if checksum is not UNSET:
            field_dict["checksum"] = checksum
        if software_images is not UNSET:
            field_dict["softwareImages"] = software_images
        if user_defined_data is not UNSET:
            field_dict["userDefinedData"] = user_defined_data
        if vnf_product_name is not UNSET:
            field_dict["vnfProductName"] = vnf_product_name
        if vnf_provider is not UNSET:
            field_dict["vnfProvider"] = vnf_provider
        if vnf_software_version is not UNSET:
            field_dict["vnfSoftwareVersion"] = vnf_software_version
        if vnfd_id is not UNSET:
            field_dict["vnfdId"] = vnfd_id
        if vnfd_version is not UNSET:
            field_dict["vnfdVersion"] = vnfd_version

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.vnf_pkg_info_additional_artifacts_item import VnfPkgInfoAdditionalArtifactsItem # noqa: PLC0415
        from ..models.vnf_pkg_info_checksum import VnfPkgInfoChecksum # noqa: PLC0415
        from ..models.vnf_pkg_info_links import VnfPkgInfoLinks # noqa: PLC0415
        from ..models.vnf_pkg_info_software_images_item import VnfPkgInfoSoftwareImagesItem # noqa: PLC0415
        from ..models.vnf_pkg_info_user_defined_data import VnfPkgInfoUserDefinedData # noqa: PLC0415
        d = dict(src_dict)
        field_links = VnfPkgInfoLinks.from_dict(d.pop("_links"))




        id = d.pop("id")

        onboarding_state = VnfPkgInfoOnboardingState(d.pop("onboardingState"))




        operational_state = VnfPkgInfoOperationalState(d.pop("operationalState"))




        usage_state = VnfPkgInfoUsageState(d.pop("usageState"))




        _additional_artifacts = d.pop("additionalArtifacts", UNSET)
        additional_artifacts: list[VnfPkgInfoAdditionalArtifactsItem] | Unset = UNSET
        if _additional_artifacts is not UNSET:
            additional_artifacts = []
            for additional_artifacts_item_data in _additional_artifacts:
                additional_artifacts_item = VnfPkgInfoAdditionalArtifactsItem.from_dict(additional_artifacts_item_data)



                additional_artifacts.append(additional_artifacts_item)


        _checksum = d.pop("checksum", UNSET)
        checksum: VnfPkgInfoChecksum | Unset
        if isinstance(_checksum,  Unset):
            checksum = UNSET
        else:
            checksum = VnfPkgInfoChecksum.from_dict(_checksum)




        _software_images = d.pop("softwareImages", UNSET)
        software_images: list[VnfPkgInfoSoftwareImagesItem] | Unset = UNSET
        if _software_images is not UNSET:
            software_images = []
            for software_images_item_data in _software_images:
                software_images_item = VnfPkgInfoSoftwareImagesItem.from_dict(software_images_item_data)



                software_images.append(software_images_item)


        _user_defined_data = d.pop("userDefinedData", UNSET)
        user_defined_data: VnfPkgInfoUserDefinedData | Unset
        if isinstance(_user_defined_data,  Unset):
            user_defined_data = UNSET
        else:
            user_defined_data = VnfPkgInfoUserDefinedData.from_dict(_user_defined_data)




        vnf_product_name = d.pop("vnfProductName", UNSET)

        vnf_provider = d.pop("vnfProvider", UNSET)

        vnf_software_version = d.pop("vnfSoftwareVersion", UNSET)

        vnfd_id = d.pop("vnfdId", UNSET)

        vnfd_version = d.pop("vnfdVersion", UNSET)

        vnf_pkg_info = cls(
            field_links=field_links,
            id=id,
            onboarding_state=onboarding_state,
            operational_state=operational_state,
            usage_state=usage_state,
            additional_artifacts=additional_artifacts,
            checksum=checksum,
            software_images=software_images,
            user_defined_data=user_defined_data,
            vnf_product_name=vnf_product_name,
            vnf_provider=vnf_provider,
            vnf_software_version=vnf_software_version,
            vnfd_id=vnfd_id,
            vnfd_version=vnfd_version,
        )


        vnf_pkg_info.additional_properties = d
        return vnf_pkg_info

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
