""" Contains all the data models used in inputs/outputs """

from .alarm_definition import AlarmDefinition
from .alarm_definition_alarm_additional_fields import AlarmDefinitionAlarmAdditionalFields
from .alarm_definition_alarm_change_type import AlarmDefinitionAlarmChangeType
from .alarm_definition_clearing_type import AlarmDefinitionClearingType
from .alarm_definition_management_interface_id_item import AlarmDefinitionManagementInterfaceIdItem
from .alarm_dictionary import AlarmDictionary
from .alarm_dictionary_management_interface_id_item import AlarmDictionaryManagementInterfaceIdItem
from .alarm_event_notification import AlarmEventNotification
from .alarm_event_notification_extensions import AlarmEventNotificationExtensions
from .alarm_event_notification_notification_event_type import AlarmEventNotificationNotificationEventType
from .alarm_event_record import AlarmEventRecord
from .alarm_event_record_extensions import AlarmEventRecordExtensions
from .alarm_event_record_modifications import AlarmEventRecordModifications
from .alarm_service_configuration import AlarmServiceConfiguration
from .alarm_service_configuration_extensions import AlarmServiceConfigurationExtensions
from .alarm_service_configuration_patch import AlarmServiceConfigurationPatch
from .alarm_service_configuration_patch_extensions import AlarmServiceConfigurationPatchExtensions
from .alarm_subscription_info import AlarmSubscriptionInfo
from .alarm_subscription_info_filter import AlarmSubscriptionInfoFilter
from .alert import Alert
from .alert_annotations import AlertAnnotations
from .alert_labels import AlertLabels
from .alertmanager_notification import AlertmanagerNotification
from .alertmanager_notification_common_annotations import AlertmanagerNotificationCommonAnnotations
from .alertmanager_notification_common_labels import AlertmanagerNotificationCommonLabels
from .alertmanager_notification_group_labels import AlertmanagerNotificationGroupLabels
from .alertmanager_notification_status import AlertmanagerNotificationStatus
from .alertmanager_notification_subscriber import AlertmanagerNotificationSubscriber
from .api_version import APIVersion
from .api_versions import APIVersions
from .audit_record import AuditRecord
from .audit_record_auth_method import AuditRecordAuthMethod
from .audit_record_result import AuditRecordResult
from .change_current_vnf_pkg_request import ChangeCurrentVnfPkgRequest
from .change_current_vnf_pkg_request_additional_params import ChangeCurrentVnfPkgRequestAdditionalParams
from .change_current_vnf_pkg_request_extensions import ChangeCurrentVnfPkgRequestExtensions
from .change_vnfpkg_version import ChangeVnfpkgVersion
from .create_lccn_subscription_version import CreateLccnSubscriptionVersion
from .create_vnf_instance_version import CreateVnfInstanceVersion
from .create_vnf_pkg_info_request import CreateVnfPkgInfoRequest
from .create_vnf_pkg_info_request_user_defined_data import CreateVnfPkgInfoRequestUserDefinedData
from .create_vnf_request import CreateVnfRequest
from .create_vnf_request_metadata import CreateVnfRequestMetadata
from .delete_lccn_subscription_version import DeleteLccnSubscriptionVersion
from .delete_vnf_instance_version import DeleteVnfInstanceVersion
from .deployment_manager import DeploymentManager
from .deployment_manager_capabilities import DeploymentManagerCapabilities
from .deployment_manager_capacity import DeploymentManagerCapacity
from .deployment_manager_extensions import DeploymentManagerExtensions
from .fail_vnf_lcm_op_occ_version import FailVnfLcmOpOccVersion
from .get_lccn_subscription_version import GetLccnSubscriptionVersion
from .get_vnf_instance_version import GetVnfInstanceVersion
from .get_vnf_lcm_op_occ_version import GetVnfLcmOpOccVersion
from .hardware_alert import HardwareAlert
from .heal_vnf_request import HealVnfRequest
from .heal_vnf_request_additional_params import HealVnfRequestAdditionalParams
from .heal_vnf_version import HealVnfVersion
from .ingest_alertmanager_notification_response_200 import IngestAlertmanagerNotificationResponse200
from .instantiate_vnf_request import InstantiateVnfRequest
from .instantiate_vnf_request_additional_params import InstantiateVnfRequestAdditionalParams
from .instantiate_vnf_request_extensions import InstantiateVnfRequestExtensions
from .instantiate_vnf_request_vim_connection_info import InstantiateVnfRequestVimConnectionInfo
from .instantiate_vnf_request_vim_connection_info_additional_property import InstantiateVnfRequestVimConnectionInfoAdditionalProperty
from .instantiate_vnf_request_vnf_configurable_properties import InstantiateVnfRequestVnfConfigurableProperties
from .instantiate_vnf_version import InstantiateVnfVersion
from .inventory_change_notification import InventoryChangeNotification
from .inventory_change_notification_notification_event_type import InventoryChangeNotificationNotificationEventType
from .inventory_change_notification_post_object_state import InventoryChangeNotificationPostObjectState
from .inventory_change_notification_prior_object_state import InventoryChangeNotificationPriorObjectState
from .lccn_subscription import LccnSubscription
from .lccn_subscription_links import LccnSubscriptionLinks
from .lccn_subscription_request import LccnSubscriptionRequest
from .lccn_subscription_request_authentication import LccnSubscriptionRequestAuthentication
from .lccn_subscription_request_authentication_auth_type_item import LccnSubscriptionRequestAuthenticationAuthTypeItem
from .lccn_subscription_request_authentication_params_basic import LccnSubscriptionRequestAuthenticationParamsBasic
from .lccn_subscription_request_authentication_params_oauth_2_client_credentials import LccnSubscriptionRequestAuthenticationParamsOauth2ClientCredentials
from .lccn_subscription_request_verbosity import LccnSubscriptionRequestVerbosity
from .lccn_subscription_verbosity import LccnSubscriptionVerbosity
from .lcm_api_versions import LcmApiVersions
from .lcm_api_versions_api_versions_item import LcmApiVersionsApiVersionsItem
from .lifecycle_change_notifications_filter import LifecycleChangeNotificationsFilter
from .lifecycle_change_notifications_filter_notification_types_item import LifecycleChangeNotificationsFilterNotificationTypesItem
from .lifecycle_change_notifications_filter_operation_states_item import LifecycleChangeNotificationsFilterOperationStatesItem
from .lifecycle_change_notifications_filter_vnf_instance_subscription_filter import LifecycleChangeNotificationsFilterVnfInstanceSubscriptionFilter
from .lifecycle_change_notifications_filter_vnf_instance_subscription_filter_vnf_products_from_providers_item import LifecycleChangeNotificationsFilterVnfInstanceSubscriptionFilterVnfProductsFromProvidersItem
from .lifecycle_change_notifications_filter_vnf_instance_subscription_filter_vnf_products_from_providers_item_vnf_products_item import LifecycleChangeNotificationsFilterVnfInstanceSubscriptionFilterVnfProductsFromProvidersItemVnfProductsItem
from .lifecycle_change_notifications_filter_vnf_instance_subscription_filter_vnf_products_from_providers_item_vnf_products_item_versions_item import LifecycleChangeNotificationsFilterVnfInstanceSubscriptionFilterVnfProductsFromProvidersItemVnfProductsItemVersionsItem
from .link import Link
from .list_audit_records_result import ListAuditRecordsResult
from .list_dead_letters_response_200_item import ListDeadLettersResponse200Item
from .list_dead_letters_response_200_item_delivery import ListDeadLettersResponse200ItemDelivery
from .list_dead_letters_response_200_item_delivery_event import ListDeadLettersResponse200ItemDeliveryEvent
from .list_deliveries_response_200_item import ListDeliveriesResponse200Item
from .list_deliveries_response_200_item_state import ListDeliveriesResponse200ItemState
from .list_events_response_200_item import ListEventsResponse200Item
from .list_events_response_200_item_metadata import ListEventsResponse200ItemMetadata
from .list_events_response_200_item_post_object_state import ListEventsResponse200ItemPostObjectState
from .list_events_response_200_item_prior_object_state import ListEventsResponse200ItemPriorObjectState
from .list_events_response_200_item_source import ListEventsResponse200ItemSource
from .list_lccn_subscriptions_version import ListLccnSubscriptionsVersion
from .list_vnf_instances_version import ListVnfInstancesVersion
from .list_vnf_lcm_op_occs_version import ListVnfLcmOpOccsVersion
from .location_info import LocationInfo
from .location_info_civic_address_item import LocationInfoCivicAddressItem
from .location_info_coordinate import LocationInfoCoordinate
from .location_info_coordinate_type import LocationInfoCoordinateType
from .location_info_extensions import LocationInfoExtensions
from .managed_infrastructure_template import ManagedInfrastructureTemplate
from .managed_infrastructure_template_characteristics import ManagedInfrastructureTemplateCharacteristics
from .managed_infrastructure_template_defaults import ManagedInfrastructureTemplateDefaults
from .managed_infrastructure_template_defaults_cluster_instance_defaults import ManagedInfrastructureTemplateDefaultsClusterInstanceDefaults
from .managed_infrastructure_template_defaults_policy_template_defaults import ManagedInfrastructureTemplateDefaultsPolicyTemplateDefaults
from .managed_infrastructure_template_extensions import ManagedInfrastructureTemplateExtensions
from .managed_infrastructure_template_parameter_schema import ManagedInfrastructureTemplateParameterSchema
from .modify_vnf_instance_version import ModifyVnfInstanceVersion
from .o_cloud_info import OCloudInfo
from .o_cloud_info_extensions import OCloudInfoExtensions
from .o_cloud_site_info import OCloudSiteInfo
from .o_cloud_site_info_extensions import OCloudSiteInfoExtensions
from .perceived_severity import PerceivedSeverity
from .probable_cause import ProbableCause
from .problem_details import ProblemDetails
from .problem_details_additional_attributes import ProblemDetailsAdditionalAttributes
from .provisioned_resource_set import ProvisionedResourceSet
from .provisioning_request_data import ProvisioningRequestData
from .provisioning_request_data_template_parameters import ProvisioningRequestDataTemplateParameters
from .provisioning_request_info import ProvisioningRequestInfo
from .provisioning_status import ProvisioningStatus
from .provisioning_status_provisioning_phase import ProvisioningStatusProvisioningPhase
from .register_listener_alias_response_201 import RegisterListenerAliasResponse201
from .register_listener_response_201 import RegisterListenerResponse201
from .resource import Resource
from .resource_extensions import ResourceExtensions
from .resource_pool import ResourcePool
from .resource_pool_extensions import ResourcePoolExtensions
from .resource_provisioning_phase import ResourceProvisioningPhase
from .resource_provisioning_status import ResourceProvisioningStatus
from .resource_type import ResourceType
from .resource_type_extensions import ResourceTypeExtensions
from .resource_type_resource_class import ResourceTypeResourceClass
from .resource_type_resource_kind import ResourceTypeResourceKind
from .retry_vnf_lcm_op_occ_version import RetryVnfLcmOpOccVersion
from .role_binding import RoleBinding
from .role_binding_roles_item import RoleBindingRolesItem
from .rollback_vnf_lcm_op_occ_version import RollbackVnfLcmOpOccVersion
from .scale_vnf_request import ScaleVnfRequest
from .scale_vnf_request_additional_params import ScaleVnfRequestAdditionalParams
from .scale_vnf_request_type import ScaleVnfRequestType
from .scale_vnf_version import ScaleVnfVersion
from .subscription import Subscription
from .tenant import Tenant
from .tenant_input import TenantInput
from .tenant_input_status_type_1 import TenantInputStatusType1
from .tenant_input_status_type_2_type_1 import TenantInputStatusType2Type1
from .tenant_input_status_type_3_type_1 import TenantInputStatusType3Type1
from .tenant_quotas import TenantQuotas
from .tenant_status import TenantStatus
from .terminate_vnf_request import TerminateVnfRequest
from .terminate_vnf_request_additional_params import TerminateVnfRequestAdditionalParams
from .terminate_vnf_request_termination_type import TerminateVnfRequestTerminationType
from .terminate_vnf_version import TerminateVnfVersion
from .tmf_688_characteristic import Tmf688Characteristic
from .tmf_688_characteristic_relationship import Tmf688CharacteristicRelationship
from .tmf_688_entity_ref import Tmf688EntityRef
from .tmf_688_error import Tmf688Error
from .tmf_688_event import Tmf688Event
from .tmf_688_event_create import Tmf688EventCreate
from .tmf_688_event_subscription import Tmf688EventSubscription
from .tmf_688_event_subscription_input import Tmf688EventSubscriptionInput
from .tmf_688_hub import Tmf688Hub
from .tmf_688_hub_create import Tmf688HubCreate
from .tmf_688_related_party import Tmf688RelatedParty
from .tmf_688_topic import Tmf688Topic
from .tmf_688_topic_change_event import Tmf688TopicChangeEvent
from .tmf_688_topic_change_event_payload import Tmf688TopicChangeEventPayload
from .tmf_688_topic_create import Tmf688TopicCreate
from .tmf_688_topic_create_event import Tmf688TopicCreateEvent
from .tmf_688_topic_create_event_payload import Tmf688TopicCreateEventPayload
from .tmf_688_topic_delete_event import Tmf688TopicDeleteEvent
from .tmf_688_topic_delete_event_payload import Tmf688TopicDeleteEventPayload
from .v1_alarm_definition_dto import V1AlarmDefinitionDto
from .v1_alarm_definition_dto_alarm_additional_fields_type_0 import V1AlarmDefinitionDtoAlarmAdditionalFieldsType0
from .v1_alarm_dictionary_dto import V1AlarmDictionaryDto
from .v1_alarm_get_dto import V1AlarmGetDto
from .v1_alarm_get_dto_extensions import V1AlarmGetDtoExtensions
from .v1_alarm_patch_dto import V1AlarmPatchDto
from .v1_alarm_subscription_create_dto import V1AlarmSubscriptionCreateDto
from .v1_alarm_subscription_get_dto import V1AlarmSubscriptionGetDto
from .v1_deployment_manager_capabilities import V1DeploymentManagerCapabilities
from .v1_deployment_manager_capacity import V1DeploymentManagerCapacity
from .v1_deployment_manager_extensions import V1DeploymentManagerExtensions
from .v1_deployment_manager_get_dto import V1DeploymentManagerGetDto
from .v1_deployment_manager_get_dto_profile import V1DeploymentManagerGetDtoProfile
from .v1_deployment_manager_list_dto import V1DeploymentManagerListDto
from .v1_deployment_manager_list_dto_extensions import V1DeploymentManagerListDtoExtensions
from .v1_inventory_api_version import V1InventoryAPIVersion
from .v1_inventory_api_version_structure import V1InventoryApiVersionStructure
from .v1_inventory_v1_api_version_structure import V1InventoryV1ApiVersionStructure
from .v1_inventory_v1api_version import V1InventoryV1APIVersion
from .v1_monitoring_api_version import V1MonitoringAPIVersion
from .v1_monitoring_api_version_structure import V1MonitoringApiVersionStructure
from .v1_monitoring_v1_api_version_structure import V1MonitoringV1ApiVersionStructure
from .v1_monitoring_v1api_version import V1MonitoringV1APIVersion
from .v1_ocloud_dto import V1OcloudDto
from .v1_ocloud_dto_extensions import V1OcloudDtoExtensions
from .v1_resource_get_dto_0 import V1ResourceGetDto0
from .v1_resource_get_dto_0_extensions import V1ResourceGetDto0Extensions
from .v1_resource_get_dto_1 import V1ResourceGetDto1
from .v1_resource_get_dto_1_extensions import V1ResourceGetDto1Extensions
from .v1_resource_get_dto_2 import V1ResourceGetDto2
from .v1_resource_get_dto_2_extensions import V1ResourceGetDto2Extensions
from .v1_resource_list_dto import V1ResourceListDto
from .v1_resource_list_dto_extensions import V1ResourceListDtoExtensions
from .v1_resource_pool_get_dto import V1ResourcePoolGetDto
from .v1_resource_pool_get_dto_extensions import V1ResourcePoolGetDtoExtensions
from .v1_resource_type_get_dto import V1ResourceTypeGetDto
from .v1_resource_type_get_dto_extensions import V1ResourceTypeGetDtoExtensions
from .v1_subscription_create_dto import V1SubscriptionCreateDto
from .v1_subscription_get_dto import V1SubscriptionGetDto
from .vnf_identifier_creation_notification import VnfIdentifierCreationNotification
from .vnf_identifier_creation_notification_links import VnfIdentifierCreationNotificationLinks
from .vnf_identifier_creation_notification_notification_type import VnfIdentifierCreationNotificationNotificationType
from .vnf_identifier_deletion_notification import VnfIdentifierDeletionNotification
from .vnf_identifier_deletion_notification_links import VnfIdentifierDeletionNotificationLinks
from .vnf_identifier_deletion_notification_notification_type import VnfIdentifierDeletionNotificationNotificationType
from .vnf_info_modification_request import VnfInfoModificationRequest
from .vnf_info_modification_request_extensions import VnfInfoModificationRequestExtensions
from .vnf_info_modification_request_metadata import VnfInfoModificationRequestMetadata
from .vnf_info_modification_request_vim_connection_info import VnfInfoModificationRequestVimConnectionInfo
from .vnf_instance import VnfInstance
from .vnf_instance_extensions import VnfInstanceExtensions
from .vnf_instance_instantiated_vnf_info import VnfInstanceInstantiatedVnfInfo
from .vnf_instance_instantiated_vnf_info_metadata import VnfInstanceInstantiatedVnfInfoMetadata
from .vnf_instance_instantiated_vnf_info_scale_status_item import VnfInstanceInstantiatedVnfInfoScaleStatusItem
from .vnf_instance_instantiated_vnf_info_vnf_state import VnfInstanceInstantiatedVnfInfoVnfState
from .vnf_instance_instantiated_vnf_info_vnfc_info_item import VnfInstanceInstantiatedVnfInfoVnfcInfoItem
from .vnf_instance_instantiated_vnf_info_vnfc_info_item_vnfc_state import VnfInstanceInstantiatedVnfInfoVnfcInfoItemVnfcState
from .vnf_instance_instantiated_vnf_info_vnfc_resource_info_item import VnfInstanceInstantiatedVnfInfoVnfcResourceInfoItem
from .vnf_instance_instantiated_vnf_info_vnfc_resource_info_item_compute_resource import VnfInstanceInstantiatedVnfInfoVnfcResourceInfoItemComputeResource
from .vnf_instance_instantiated_vnf_info_vnfc_resource_info_item_metadata import VnfInstanceInstantiatedVnfInfoVnfcResourceInfoItemMetadata
from .vnf_instance_instantiation_state import VnfInstanceInstantiationState
from .vnf_instance_links import VnfInstanceLinks
from .vnf_instance_metadata import VnfInstanceMetadata
from .vnf_instance_vim_connection_info import VnfInstanceVimConnectionInfo
from .vnf_instance_vim_connection_info_additional_property import VnfInstanceVimConnectionInfoAdditionalProperty
from .vnf_instance_vnf_configurable_properties import VnfInstanceVnfConfigurableProperties
from .vnf_lcm_op_occ import VnfLcmOpOcc
from .vnf_lcm_op_occ_links import VnfLcmOpOccLinks
from .vnf_lcm_op_occ_operation import VnfLcmOpOccOperation
from .vnf_lcm_op_occ_operation_params import VnfLcmOpOccOperationParams
from .vnf_lcm_op_occ_operation_state import VnfLcmOpOccOperationState
from .vnf_lcm_op_occ_resource_changes import VnfLcmOpOccResourceChanges
from .vnf_lcm_operation_occurrence_notification import VnfLcmOperationOccurrenceNotification
from .vnf_lcm_operation_occurrence_notification_affected_vnfcs_item import VnfLcmOperationOccurrenceNotificationAffectedVnfcsItem
from .vnf_lcm_operation_occurrence_notification_links import VnfLcmOperationOccurrenceNotificationLinks
from .vnf_lcm_operation_occurrence_notification_notification_status import VnfLcmOperationOccurrenceNotificationNotificationStatus
from .vnf_lcm_operation_occurrence_notification_notification_type import VnfLcmOperationOccurrenceNotificationNotificationType
from .vnf_lcm_operation_occurrence_notification_verbosity import VnfLcmOperationOccurrenceNotificationVerbosity
from .vnf_pkg_info import VnfPkgInfo
from .vnf_pkg_info_additional_artifacts_item import VnfPkgInfoAdditionalArtifactsItem
from .vnf_pkg_info_additional_artifacts_item_checksum import VnfPkgInfoAdditionalArtifactsItemChecksum
from .vnf_pkg_info_additional_artifacts_item_metadata import VnfPkgInfoAdditionalArtifactsItemMetadata
from .vnf_pkg_info_checksum import VnfPkgInfoChecksum
from .vnf_pkg_info_links import VnfPkgInfoLinks
from .vnf_pkg_info_modifications import VnfPkgInfoModifications
from .vnf_pkg_info_modifications_operational_state import VnfPkgInfoModificationsOperationalState
from .vnf_pkg_info_modifications_user_defined_data import VnfPkgInfoModificationsUserDefinedData
from .vnf_pkg_info_onboarding_state import VnfPkgInfoOnboardingState
from .vnf_pkg_info_operational_state import VnfPkgInfoOperationalState
from .vnf_pkg_info_software_images_item import VnfPkgInfoSoftwareImagesItem
from .vnf_pkg_info_usage_state import VnfPkgInfoUsageState
from .vnf_pkg_info_user_defined_data import VnfPkgInfoUserDefinedData
from .watch_events_response_200 import WatchEventsResponse200

__all__ = (
    "AlarmDefinition",
    "AlarmDefinitionAlarmAdditionalFields",
    "AlarmDefinitionAlarmChangeType",
    "AlarmDefinitionClearingType",
    "AlarmDefinitionManagementInterfaceIdItem",
    "AlarmDictionary",
    "AlarmDictionaryManagementInterfaceIdItem",
    "AlarmEventNotification",
    "AlarmEventNotificationExtensions",
    "AlarmEventNotificationNotificationEventType",
    "AlarmEventRecord",
    "AlarmEventRecordExtensions",
    "AlarmEventRecordModifications",
    "AlarmServiceConfiguration",
    "AlarmServiceConfigurationExtensions",
    "AlarmServiceConfigurationPatch",
    "AlarmServiceConfigurationPatchExtensions",
    "AlarmSubscriptionInfo",
    "AlarmSubscriptionInfoFilter",
    "Alert",
    "AlertAnnotations",
    "AlertLabels",
    "AlertmanagerNotification",
    "AlertmanagerNotificationCommonAnnotations",
    "AlertmanagerNotificationCommonLabels",
    "AlertmanagerNotificationGroupLabels",
    "AlertmanagerNotificationStatus",
    "AlertmanagerNotificationSubscriber",
    "APIVersion",
    "APIVersions",
    "AuditRecord",
    "AuditRecordAuthMethod",
    "AuditRecordResult",
    "ChangeCurrentVnfPkgRequest",
    "ChangeCurrentVnfPkgRequestAdditionalParams",
    "ChangeCurrentVnfPkgRequestExtensions",
    "ChangeVnfpkgVersion",
    "CreateLccnSubscriptionVersion",
    "CreateVnfInstanceVersion",
    "CreateVnfPkgInfoRequest",
    "CreateVnfPkgInfoRequestUserDefinedData",
    "CreateVnfRequest",
    "CreateVnfRequestMetadata",
    "DeleteLccnSubscriptionVersion",
    "DeleteVnfInstanceVersion",
    "DeploymentManager",
    "DeploymentManagerCapabilities",
    "DeploymentManagerCapacity",
    "DeploymentManagerExtensions",
    "FailVnfLcmOpOccVersion",
    "GetLccnSubscriptionVersion",
    "GetVnfInstanceVersion",
    "GetVnfLcmOpOccVersion",
    "HardwareAlert",
    "HealVnfRequest",
    "HealVnfRequestAdditionalParams",
    "HealVnfVersion",
    "IngestAlertmanagerNotificationResponse200",
    "InstantiateVnfRequest",
    "InstantiateVnfRequestAdditionalParams",
    "InstantiateVnfRequestExtensions",
    "InstantiateVnfRequestVimConnectionInfo",
    "InstantiateVnfRequestVimConnectionInfoAdditionalProperty",
    "InstantiateVnfRequestVnfConfigurableProperties",
    "InstantiateVnfVersion",
    "InventoryChangeNotification",
    "InventoryChangeNotificationNotificationEventType",
    "InventoryChangeNotificationPostObjectState",
    "InventoryChangeNotificationPriorObjectState",
    "LccnSubscription",
    "LccnSubscriptionLinks",
    "LccnSubscriptionRequest",
    "LccnSubscriptionRequestAuthentication",
    "LccnSubscriptionRequestAuthenticationAuthTypeItem",
    "LccnSubscriptionRequestAuthenticationParamsBasic",
    "LccnSubscriptionRequestAuthenticationParamsOauth2ClientCredentials",
    "LccnSubscriptionRequestVerbosity",
    "LccnSubscriptionVerbosity",
    "LcmApiVersions",
    "LcmApiVersionsApiVersionsItem",
    "LifecycleChangeNotificationsFilter",
    "LifecycleChangeNotificationsFilterNotificationTypesItem",
    "LifecycleChangeNotificationsFilterOperationStatesItem",
    "LifecycleChangeNotificationsFilterVnfInstanceSubscriptionFilter",
    "LifecycleChangeNotificationsFilterVnfInstanceSubscriptionFilterVnfProductsFromProvidersItem",
    "LifecycleChangeNotificationsFilterVnfInstanceSubscriptionFilterVnfProductsFromProvidersItemVnfProductsItem",
    "LifecycleChangeNotificationsFilterVnfInstanceSubscriptionFilterVnfProductsFromProvidersItemVnfProductsItemVersionsItem",
    "Link",
    "ListAuditRecordsResult",
    "ListDeadLettersResponse200Item",
    "ListDeadLettersResponse200ItemDelivery",
    "ListDeadLettersResponse200ItemDeliveryEvent",
    "ListDeliveriesResponse200Item",
    "ListDeliveriesResponse200ItemState",
    "ListEventsResponse200Item",
    "ListEventsResponse200ItemMetadata",
    "ListEventsResponse200ItemPostObjectState",
    "ListEventsResponse200ItemPriorObjectState",
    "ListEventsResponse200ItemSource",
    "ListLccnSubscriptionsVersion",
    "ListVnfInstancesVersion",
    "ListVnfLcmOpOccsVersion",
    "LocationInfo",
    "LocationInfoCivicAddressItem",
    "LocationInfoCoordinate",
    "LocationInfoCoordinateType",
    "LocationInfoExtensions",
    "ManagedInfrastructureTemplate",
    "ManagedInfrastructureTemplateCharacteristics",
    "ManagedInfrastructureTemplateDefaults",
    "ManagedInfrastructureTemplateDefaultsClusterInstanceDefaults",
    "ManagedInfrastructureTemplateDefaultsPolicyTemplateDefaults",
    "ManagedInfrastructureTemplateExtensions",
    "ManagedInfrastructureTemplateParameterSchema",
    "ModifyVnfInstanceVersion",
    "OCloudInfo",
    "OCloudInfoExtensions",
    "OCloudSiteInfo",
    "OCloudSiteInfoExtensions",
    "PerceivedSeverity",
    "ProbableCause",
    "ProblemDetails",
    "ProblemDetailsAdditionalAttributes",
    "ProvisionedResourceSet",
    "ProvisioningRequestData",
    "ProvisioningRequestDataTemplateParameters",
    "ProvisioningRequestInfo",
    "ProvisioningStatus",
    "ProvisioningStatusProvisioningPhase",
    "RegisterListenerAliasResponse201",
    "RegisterListenerResponse201",
    "Resource",
    "ResourceExtensions",
    "ResourcePool",
    "ResourcePoolExtensions",
    "ResourceProvisioningPhase",
    "ResourceProvisioningStatus",
    "ResourceType",
    "ResourceTypeExtensions",
    "ResourceTypeResourceClass",
    "ResourceTypeResourceKind",
    "RetryVnfLcmOpOccVersion",
    "RoleBinding",
    "RoleBindingRolesItem",
    "RollbackVnfLcmOpOccVersion",
    "ScaleVnfRequest",
    "ScaleVnfRequestAdditionalParams",
    "ScaleVnfRequestType",
    "ScaleVnfVersion",
    "Subscription",
    "Tenant",
    "TenantInput",
    "TenantInputStatusType1",
    "TenantInputStatusType2Type1",
    "TenantInputStatusType3Type1",
    "TenantQuotas",
    "TenantStatus",
    "TerminateVnfRequest",
    "TerminateVnfRequestAdditionalParams",
    "TerminateVnfRequestTerminationType",
    "TerminateVnfVersion",
    "Tmf688Characteristic",
    "Tmf688CharacteristicRelationship",
    "Tmf688EntityRef",
    "Tmf688Error",
    "Tmf688Event",
    "Tmf688EventCreate",
    "Tmf688EventSubscription",
    "Tmf688EventSubscriptionInput",
    "Tmf688Hub",
    "Tmf688HubCreate",
    "Tmf688RelatedParty",
    "Tmf688Topic",
    "Tmf688TopicChangeEvent",
    "Tmf688TopicChangeEventPayload",
    "Tmf688TopicCreate",
    "Tmf688TopicCreateEvent",
    "Tmf688TopicCreateEventPayload",
    "Tmf688TopicDeleteEvent",
    "Tmf688TopicDeleteEventPayload",
    "V1AlarmDefinitionDto",
    "V1AlarmDefinitionDtoAlarmAdditionalFieldsType0",
    "V1AlarmDictionaryDto",
    "V1AlarmGetDto",
    "V1AlarmGetDtoExtensions",
    "V1AlarmPatchDto",
    "V1AlarmSubscriptionCreateDto",
    "V1AlarmSubscriptionGetDto",
    "V1DeploymentManagerCapabilities",
    "V1DeploymentManagerCapacity",
    "V1DeploymentManagerExtensions",
    "V1DeploymentManagerGetDto",
    "V1DeploymentManagerGetDtoProfile",
    "V1DeploymentManagerListDto",
    "V1DeploymentManagerListDtoExtensions",
    "V1InventoryAPIVersion",
    "V1InventoryApiVersionStructure",
    "V1InventoryV1APIVersion",
    "V1InventoryV1ApiVersionStructure",
    "V1MonitoringAPIVersion",
    "V1MonitoringApiVersionStructure",
    "V1MonitoringV1APIVersion",
    "V1MonitoringV1ApiVersionStructure",
    "V1OcloudDto",
    "V1OcloudDtoExtensions",
    "V1ResourceGetDto0",
    "V1ResourceGetDto0Extensions",
    "V1ResourceGetDto1",
    "V1ResourceGetDto1Extensions",
    "V1ResourceGetDto2",
    "V1ResourceGetDto2Extensions",
    "V1ResourceListDto",
    "V1ResourceListDtoExtensions",
    "V1ResourcePoolGetDto",
    "V1ResourcePoolGetDtoExtensions",
    "V1ResourceTypeGetDto",
    "V1ResourceTypeGetDtoExtensions",
    "V1SubscriptionCreateDto",
    "V1SubscriptionGetDto",
    "VnfIdentifierCreationNotification",
    "VnfIdentifierCreationNotificationLinks",
    "VnfIdentifierCreationNotificationNotificationType",
    "VnfIdentifierDeletionNotification",
    "VnfIdentifierDeletionNotificationLinks",
    "VnfIdentifierDeletionNotificationNotificationType",
    "VnfInfoModificationRequest",
    "VnfInfoModificationRequestExtensions",
    "VnfInfoModificationRequestMetadata",
    "VnfInfoModificationRequestVimConnectionInfo",
    "VnfInstance",
    "VnfInstanceExtensions",
    "VnfInstanceInstantiatedVnfInfo",
    "VnfInstanceInstantiatedVnfInfoMetadata",
    "VnfInstanceInstantiatedVnfInfoScaleStatusItem",
    "VnfInstanceInstantiatedVnfInfoVnfcInfoItem",
    "VnfInstanceInstantiatedVnfInfoVnfcInfoItemVnfcState",
    "VnfInstanceInstantiatedVnfInfoVnfcResourceInfoItem",
    "VnfInstanceInstantiatedVnfInfoVnfcResourceInfoItemComputeResource",
    "VnfInstanceInstantiatedVnfInfoVnfcResourceInfoItemMetadata",
    "VnfInstanceInstantiatedVnfInfoVnfState",
    "VnfInstanceInstantiationState",
    "VnfInstanceLinks",
    "VnfInstanceMetadata",
    "VnfInstanceVimConnectionInfo",
    "VnfInstanceVimConnectionInfoAdditionalProperty",
    "VnfInstanceVnfConfigurableProperties",
    "VnfLcmOperationOccurrenceNotification",
    "VnfLcmOperationOccurrenceNotificationAffectedVnfcsItem",
    "VnfLcmOperationOccurrenceNotificationLinks",
    "VnfLcmOperationOccurrenceNotificationNotificationStatus",
    "VnfLcmOperationOccurrenceNotificationNotificationType",
    "VnfLcmOperationOccurrenceNotificationVerbosity",
    "VnfLcmOpOcc",
    "VnfLcmOpOccLinks",
    "VnfLcmOpOccOperation",
    "VnfLcmOpOccOperationParams",
    "VnfLcmOpOccOperationState",
    "VnfLcmOpOccResourceChanges",
    "VnfPkgInfo",
    "VnfPkgInfoAdditionalArtifactsItem",
    "VnfPkgInfoAdditionalArtifactsItemChecksum",
    "VnfPkgInfoAdditionalArtifactsItemMetadata",
    "VnfPkgInfoChecksum",
    "VnfPkgInfoLinks",
    "VnfPkgInfoModifications",
    "VnfPkgInfoModificationsOperationalState",
    "VnfPkgInfoModificationsUserDefinedData",
    "VnfPkgInfoOnboardingState",
    "VnfPkgInfoOperationalState",
    "VnfPkgInfoSoftwareImagesItem",
    "VnfPkgInfoUsageState",
    "VnfPkgInfoUserDefinedData",
    "WatchEventsResponse200",
)
