from google.api import annotations_pb2 as _annotations_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class VnfPkgInfo(_message.Message):
    __slots__ = ("id", "vnfd_id", "vnf_provider", "vnf_product_name", "vnf_software_version", "vnfd_version", "checksum", "additional_artifacts", "onboarding_state", "operational_state", "usage_state", "user_defined_data")
    ID_FIELD_NUMBER: _ClassVar[int]
    VNFD_ID_FIELD_NUMBER: _ClassVar[int]
    VNF_PROVIDER_FIELD_NUMBER: _ClassVar[int]
    VNF_PRODUCT_NAME_FIELD_NUMBER: _ClassVar[int]
    VNF_SOFTWARE_VERSION_FIELD_NUMBER: _ClassVar[int]
    VNFD_VERSION_FIELD_NUMBER: _ClassVar[int]
    CHECKSUM_FIELD_NUMBER: _ClassVar[int]
    ADDITIONAL_ARTIFACTS_FIELD_NUMBER: _ClassVar[int]
    ONBOARDING_STATE_FIELD_NUMBER: _ClassVar[int]
    OPERATIONAL_STATE_FIELD_NUMBER: _ClassVar[int]
    USAGE_STATE_FIELD_NUMBER: _ClassVar[int]
    USER_DEFINED_DATA_FIELD_NUMBER: _ClassVar[int]
    id: str
    vnfd_id: str
    vnf_provider: str
    vnf_product_name: str
    vnf_software_version: str
    vnfd_version: str
    checksum: Checksum
    additional_artifacts: _containers.RepeatedCompositeFieldContainer[PackageArtifactInfo]
    onboarding_state: str
    operational_state: str
    usage_state: str
    user_defined_data: _struct_pb2.Struct
    def __init__(self, id: _Optional[str] = ..., vnfd_id: _Optional[str] = ..., vnf_provider: _Optional[str] = ..., vnf_product_name: _Optional[str] = ..., vnf_software_version: _Optional[str] = ..., vnfd_version: _Optional[str] = ..., checksum: _Optional[_Union[Checksum, _Mapping]] = ..., additional_artifacts: _Optional[_Iterable[_Union[PackageArtifactInfo, _Mapping]]] = ..., onboarding_state: _Optional[str] = ..., operational_state: _Optional[str] = ..., usage_state: _Optional[str] = ..., user_defined_data: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class Checksum(_message.Message):
    __slots__ = ("algorithm", "hash")
    ALGORITHM_FIELD_NUMBER: _ClassVar[int]
    HASH_FIELD_NUMBER: _ClassVar[int]
    algorithm: str
    hash: str
    def __init__(self, algorithm: _Optional[str] = ..., hash: _Optional[str] = ...) -> None: ...

class PackageArtifactInfo(_message.Message):
    __slots__ = ("artifact_path", "checksum")
    ARTIFACT_PATH_FIELD_NUMBER: _ClassVar[int]
    CHECKSUM_FIELD_NUMBER: _ClassVar[int]
    artifact_path: str
    checksum: Checksum
    def __init__(self, artifact_path: _Optional[str] = ..., checksum: _Optional[_Union[Checksum, _Mapping]] = ...) -> None: ...

class ListVnfPackagesRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListVnfPackagesResponse(_message.Message):
    __slots__ = ("vnf_packages",)
    VNF_PACKAGES_FIELD_NUMBER: _ClassVar[int]
    vnf_packages: _containers.RepeatedCompositeFieldContainer[VnfPkgInfo]
    def __init__(self, vnf_packages: _Optional[_Iterable[_Union[VnfPkgInfo, _Mapping]]] = ...) -> None: ...

class CreateVnfPackageRequest(_message.Message):
    __slots__ = ("user_defined_data",)
    USER_DEFINED_DATA_FIELD_NUMBER: _ClassVar[int]
    user_defined_data: _struct_pb2.Struct
    def __init__(self, user_defined_data: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class CreateVnfPackageResponse(_message.Message):
    __slots__ = ("vnf_package",)
    VNF_PACKAGE_FIELD_NUMBER: _ClassVar[int]
    vnf_package: VnfPkgInfo
    def __init__(self, vnf_package: _Optional[_Union[VnfPkgInfo, _Mapping]] = ...) -> None: ...

class GetVnfPackageRequest(_message.Message):
    __slots__ = ("vnf_pkg_id",)
    VNF_PKG_ID_FIELD_NUMBER: _ClassVar[int]
    vnf_pkg_id: str
    def __init__(self, vnf_pkg_id: _Optional[str] = ...) -> None: ...

class GetVnfPackageResponse(_message.Message):
    __slots__ = ("vnf_package",)
    VNF_PACKAGE_FIELD_NUMBER: _ClassVar[int]
    vnf_package: VnfPkgInfo
    def __init__(self, vnf_package: _Optional[_Union[VnfPkgInfo, _Mapping]] = ...) -> None: ...

class VnfPkgInfoModifications(_message.Message):
    __slots__ = ("operational_state", "user_defined_data")
    OPERATIONAL_STATE_FIELD_NUMBER: _ClassVar[int]
    USER_DEFINED_DATA_FIELD_NUMBER: _ClassVar[int]
    operational_state: str
    user_defined_data: _struct_pb2.Struct
    def __init__(self, operational_state: _Optional[str] = ..., user_defined_data: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class UpdateVnfPackageRequest(_message.Message):
    __slots__ = ("vnf_pkg_id", "modifications")
    VNF_PKG_ID_FIELD_NUMBER: _ClassVar[int]
    MODIFICATIONS_FIELD_NUMBER: _ClassVar[int]
    vnf_pkg_id: str
    modifications: VnfPkgInfoModifications
    def __init__(self, vnf_pkg_id: _Optional[str] = ..., modifications: _Optional[_Union[VnfPkgInfoModifications, _Mapping]] = ...) -> None: ...

class UpdateVnfPackageResponse(_message.Message):
    __slots__ = ("modifications",)
    MODIFICATIONS_FIELD_NUMBER: _ClassVar[int]
    modifications: VnfPkgInfoModifications
    def __init__(self, modifications: _Optional[_Union[VnfPkgInfoModifications, _Mapping]] = ...) -> None: ...

class DeleteVnfPackageRequest(_message.Message):
    __slots__ = ("vnf_pkg_id",)
    VNF_PKG_ID_FIELD_NUMBER: _ClassVar[int]
    vnf_pkg_id: str
    def __init__(self, vnf_pkg_id: _Optional[str] = ...) -> None: ...

class DeleteVnfPackageResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class UploadVnfPackageContentRequest(_message.Message):
    __slots__ = ("vnf_pkg_id", "content")
    VNF_PKG_ID_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    vnf_pkg_id: str
    content: bytes
    def __init__(self, vnf_pkg_id: _Optional[str] = ..., content: _Optional[bytes] = ...) -> None: ...

class UploadVnfPackageContentResponse(_message.Message):
    __slots__ = ("vnf_package",)
    VNF_PACKAGE_FIELD_NUMBER: _ClassVar[int]
    vnf_package: VnfPkgInfo
    def __init__(self, vnf_package: _Optional[_Union[VnfPkgInfo, _Mapping]] = ...) -> None: ...

class GetVnfPackageContentRequest(_message.Message):
    __slots__ = ("vnf_pkg_id",)
    VNF_PKG_ID_FIELD_NUMBER: _ClassVar[int]
    vnf_pkg_id: str
    def __init__(self, vnf_pkg_id: _Optional[str] = ...) -> None: ...

class GetVnfPackageContentResponse(_message.Message):
    __slots__ = ("content",)
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    content: bytes
    def __init__(self, content: _Optional[bytes] = ...) -> None: ...

class GetVnfdRequest(_message.Message):
    __slots__ = ("vnf_pkg_id", "accept")
    VNF_PKG_ID_FIELD_NUMBER: _ClassVar[int]
    ACCEPT_FIELD_NUMBER: _ClassVar[int]
    vnf_pkg_id: str
    accept: str
    def __init__(self, vnf_pkg_id: _Optional[str] = ..., accept: _Optional[str] = ...) -> None: ...

class GetVnfdResponse(_message.Message):
    __slots__ = ("content_type", "content")
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    content_type: str
    content: bytes
    def __init__(self, content_type: _Optional[str] = ..., content: _Optional[bytes] = ...) -> None: ...

class GetChartIndexRequest(_message.Message):
    __slots__ = ("vnf_pkg_id", "digest")
    VNF_PKG_ID_FIELD_NUMBER: _ClassVar[int]
    DIGEST_FIELD_NUMBER: _ClassVar[int]
    vnf_pkg_id: str
    digest: str
    def __init__(self, vnf_pkg_id: _Optional[str] = ..., digest: _Optional[str] = ...) -> None: ...

class GetChartIndexResponse(_message.Message):
    __slots__ = ("index_yaml",)
    INDEX_YAML_FIELD_NUMBER: _ClassVar[int]
    index_yaml: str
    def __init__(self, index_yaml: _Optional[str] = ...) -> None: ...

class GetChartRequest(_message.Message):
    __slots__ = ("vnf_pkg_id", "digest", "file")
    VNF_PKG_ID_FIELD_NUMBER: _ClassVar[int]
    DIGEST_FIELD_NUMBER: _ClassVar[int]
    FILE_FIELD_NUMBER: _ClassVar[int]
    vnf_pkg_id: str
    digest: str
    file: str
    def __init__(self, vnf_pkg_id: _Optional[str] = ..., digest: _Optional[str] = ..., file: _Optional[str] = ...) -> None: ...

class GetChartResponse(_message.Message):
    __slots__ = ("content",)
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    content: bytes
    def __init__(self, content: _Optional[bytes] = ...) -> None: ...
