from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.vnf_pkg_info_additional_artifacts_item_checksum import VnfPkgInfoAdditionalArtifactsItemChecksum
  from ..models.vnf_pkg_info_additional_artifacts_item_metadata import VnfPkgInfoAdditionalArtifactsItemMetadata





T = TypeVar("T", bound="VnfPkgInfoAdditionalArtifactsItem")



@_attrs_define
class VnfPkgInfoAdditionalArtifactsItem:
    """ 
        Attributes:
            artifact_path (str):
            checksum (VnfPkgInfoAdditionalArtifactsItemChecksum):
            metadata (VnfPkgInfoAdditionalArtifactsItemMetadata | Unset):
     """

    artifact_path: str
    checksum: VnfPkgInfoAdditionalArtifactsItemChecksum
    metadata: VnfPkgInfoAdditionalArtifactsItemMetadata | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.vnf_pkg_info_additional_artifacts_item_checksum import VnfPkgInfoAdditionalArtifactsItemChecksum # noqa: PLC0415
        from ..models.vnf_pkg_info_additional_artifacts_item_metadata import VnfPkgInfoAdditionalArtifactsItemMetadata # noqa: PLC0415
        artifact_path = self.artifact_path

        checksum = self.checksum.to_dict()

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "artifactPath": artifact_path,
            "checksum": checksum,
        })
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.vnf_pkg_info_additional_artifacts_item_checksum import VnfPkgInfoAdditionalArtifactsItemChecksum # noqa: PLC0415
        from ..models.vnf_pkg_info_additional_artifacts_item_metadata import VnfPkgInfoAdditionalArtifactsItemMetadata # noqa: PLC0415
        d = dict(src_dict)
        artifact_path = d.pop("artifactPath")

        checksum = VnfPkgInfoAdditionalArtifactsItemChecksum.from_dict(d.pop("checksum"))




        _metadata = d.pop("metadata", UNSET)
        metadata: VnfPkgInfoAdditionalArtifactsItemMetadata | Unset
        if isinstance(_metadata,  Unset):
            metadata = UNSET
        else:
            metadata = VnfPkgInfoAdditionalArtifactsItemMetadata.from_dict(_metadata)




        vnf_pkg_info_additional_artifacts_item = cls(
            artifact_path=artifact_path,
            checksum=checksum,
            metadata=metadata,
        )


        vnf_pkg_info_additional_artifacts_item.additional_properties = d
        return vnf_pkg_info_additional_artifacts_item

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
