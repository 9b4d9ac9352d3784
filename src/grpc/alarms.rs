//! gRPC adapter of the alarm service (O2ims Infrastructure Monitoring).

use std::str::FromStr as _;

use tonic::{Request, Response, Status};

use super::{convert::opt, from_struct, list_params, project, scope, to_struct, view};
use crate::{
    alarms::{alertmanager, AlarmEventRecord, AlarmServiceConfiguration},
    proto::monitoring::v1::{self as pb, alarm_service_server::AlarmService as AlarmRpc},
    service::{
        alarms::{AlarmSubscriptionInfo, ConfigurationInput, ConfigurationPatch, Modifications},
        AlarmService,
    },
};

pub struct AlarmGrpc(pub AlarmService);

type R<T> = Result<Response<T>, Status>;

fn timestamp(rfc3339: &Option<String>) -> Option<prost_types::Timestamp> {
    rfc3339
        .as_deref()
        .and_then(|t| prost_types::Timestamp::from_str(t).ok())
}

fn rfc3339(t: Option<prost_types::Timestamp>) -> Option<String> {
    t.map(|t| t.to_string())
}

impl From<&AlarmEventRecord> for pb::AlarmEventRecord {
    fn from(a: &AlarmEventRecord) -> Self {
        pb::AlarmEventRecord {
            alarm_event_record_id: a.alarm_event_record_id.clone(),
            alarm_definition_id: a.alarm_definition_id.clone(),
            probable_cause_id: a.probable_cause_id.clone(),
            alarm_raised_time: timestamp(&Some(a.alarm_raised_time.clone())),
            alarm_changed_time: timestamp(&a.alarm_changed_time),
            alarm_cleared_time: timestamp(&a.alarm_cleared_time),
            alarm_acknowledged_time: timestamp(&a.alarm_acknowledged_time),
            alarm_acknowledged: a.alarm_acknowledged,
            perceived_severity: a.perceived_severity.into(),
            extensions: Some(to_struct(&a.extensions)),
            resource_type_id: a.resource_type_id.clone(),
            resource_id: a.resource_id.clone(),
        }
    }
}

fn configuration(c: &AlarmServiceConfiguration) -> Option<pb::AlarmServiceConfiguration> {
    Some(pb::AlarmServiceConfiguration {
        retention_period: i32::try_from(c.retention_period).unwrap_or(i32::MAX),
        extensions: Some(to_struct(&c.extensions)),
    })
}

fn alert(a: pb::Alert) -> alertmanager::Alert {
    alertmanager::Alert {
        status: opt(a.status),
        labels: a.labels.into_iter().collect(),
        annotations: a.annotations.into_iter().collect(),
        starts_at: rfc3339(a.starts_at),
        ends_at: rfc3339(a.ends_at),
        generator_url: opt(a.generator_url),
        fingerprint: a.fingerprint,
    }
}

impl From<&AlarmSubscriptionInfo> for pb::AlarmSubscriptionInfo {
    fn from(s: &AlarmSubscriptionInfo) -> Self {
        pb::AlarmSubscriptionInfo {
            alarm_subscription_id: s.alarm_subscription_id.clone(),
            consumer_subscription_id: s.consumer_subscription_id.clone().unwrap_or_default(),
            filter: s.filter.clone().unwrap_or_default(),
            callback: s.callback.clone(),
        }
    }
}

#[tonic::async_trait]
impl AlarmRpc for AlarmGrpc {
    async fn get_all_versions(
        &self,
        _: Request<pb::GetAllVersionsRequest>,
    ) -> R<pb::GetAllVersionsResponse> {
        Ok(Response::new(pb::GetAllVersionsResponse {
            versions: Some((&self.0.all_versions()).into()),
        }))
    }

    async fn get_minor_versions(
        &self,
        _: Request<pb::GetMinorVersionsRequest>,
    ) -> R<pb::GetMinorVersionsResponse> {
        Ok(Response::new(pb::GetMinorVersionsResponse {
            versions: Some((&self.0.minor_versions()).into()),
        }))
    }

    async fn list_alarms(&self, r: Request<pb::ListAlarmsRequest>) -> R<pb::ListAlarmsResponse> {
        let view = view(&r);
        let params = list_params(r.into_inner().options);
        let listed = self.0.list(view.as_ref(), &params).await?;
        Ok(Response::new(pb::ListAlarmsResponse {
            alarms: listed
                .items
                .iter()
                .map(|a| project(a, &listed.projection))
                .collect(),
            next_page_token: listed.next_page_token.unwrap_or_default(),
        }))
    }

    async fn get_alarm(&self, r: Request<pb::GetAlarmRequest>) -> R<pb::GetAlarmResponse> {
        let view = view(&r);
        let alarm = self
            .0
            .get(view.as_ref(), &r.into_inner().alarm_event_record_id)
            .await?;
        Ok(Response::new(pb::GetAlarmResponse {
            etag: alarm.etag(),
            alarm: Some((&alarm.record).into()),
        }))
    }

    async fn patch_alarm(&self, r: Request<pb::PatchAlarmRequest>) -> R<pb::PatchAlarmResponse> {
        let view = view(&r);
        let r = r.into_inner();
        let asked = r.modifications.unwrap_or_default();
        let m = Modifications {
            alarm_acknowledged: asked.alarm_acknowledged,
            perceived_severity: asked.perceived_severity.map(i64::from),
        };
        let if_match = Some(r.if_match.as_str()).filter(|s| !s.is_empty());
        let (alarm, _) = self
            .0
            .patch(view.as_ref(), &r.alarm_event_record_id, &m, if_match)
            .await?;
        Ok(Response::new(pb::PatchAlarmResponse {
            modifications: Some(asked),
            etag: alarm.etag(),
        }))
    }

    async fn get_alarm_service_configuration(
        &self,
        _: Request<pb::GetAlarmServiceConfigurationRequest>,
    ) -> R<pb::GetAlarmServiceConfigurationResponse> {
        let c = self.0.configuration().await?;
        Ok(Response::new(pb::GetAlarmServiceConfigurationResponse {
            configuration: configuration(&c),
            etag: c.etag(),
        }))
    }

    async fn update_alarm_service_configuration(
        &self,
        r: Request<pb::UpdateAlarmServiceConfigurationRequest>,
    ) -> R<pb::UpdateAlarmServiceConfigurationResponse> {
        let r = r.into_inner();
        let given = r
            .configuration
            .ok_or_else(|| Status::invalid_argument("configuration is required"))?;
        let input = ConfigurationInput {
            retention_period: given.retention_period.into(),
            extensions: from_struct(given.extensions),
        };
        let if_match = Some(r.if_match.as_str()).filter(|s| !s.is_empty());
        let c = self.0.put_configuration(input, if_match).await?;
        Ok(Response::new(pb::UpdateAlarmServiceConfigurationResponse {
            configuration: configuration(&c),
            etag: c.etag(),
        }))
    }

    async fn patch_alarm_service_configuration(
        &self,
        r: Request<pb::PatchAlarmServiceConfigurationRequest>,
    ) -> R<pb::PatchAlarmServiceConfigurationResponse> {
        let r = r.into_inner();
        let given = r.patch.unwrap_or_default();
        let patch = ConfigurationPatch {
            retention_period: given.retention_period.map(|d| Some(i64::from(d))),
            extensions: given.extensions.map(|s| Some(from_struct(Some(s)))),
        };
        let if_match = Some(r.if_match.as_str()).filter(|s| !s.is_empty());
        let c = self.0.patch_configuration(patch, if_match).await?;
        Ok(Response::new(pb::PatchAlarmServiceConfigurationResponse {
            configuration: configuration(&c),
            etag: c.etag(),
        }))
    }

    async fn ingest_alertmanager_notification(
        &self,
        r: Request<pb::IngestAlertmanagerNotificationRequest>,
    ) -> R<pb::IngestAlertmanagerNotificationResponse> {
        let r = r.into_inner();
        let n = alertmanager::Notification {
            version: r.version,
            group_key: r.group_key,
            truncated_alerts: r.truncated_alerts.into(),
            status: r.status,
            receiver: r.receiver,
            group_labels: r.group_labels.into_iter().collect(),
            common_labels: r.common_labels.into_iter().collect(),
            common_annotations: r.common_annotations.into_iter().collect(),
            external_url: opt(r.external_url),
            alerts: r.alerts.into_iter().map(alert).collect(),
            subscriber: None,
        };
        let done = self.0.ingest(&n).await?;
        Ok(Response::new(pb::IngestAlertmanagerNotificationResponse {
            changed: i32::try_from(done.changes.len()).unwrap_or(i32::MAX),
            unmapped: i32::try_from(done.unmapped).unwrap_or(i32::MAX),
        }))
    }

    async fn list_alarm_subscriptions(
        &self,
        r: Request<pb::ListAlarmSubscriptionsRequest>,
    ) -> R<pb::ListAlarmSubscriptionsResponse> {
        let scope = scope(&r);
        let params = list_params(r.into_inner().options);
        let listed = self.0.list_subscriptions(scope.as_deref(), &params).await?;
        Ok(Response::new(pb::ListAlarmSubscriptionsResponse {
            subscriptions: listed
                .items
                .iter()
                .map(|s| project(s, &listed.projection))
                .collect(),
            next_page_token: listed.next_page_token.unwrap_or_default(),
        }))
    }

    async fn create_alarm_subscription(
        &self,
        r: Request<pb::CreateAlarmSubscriptionRequest>,
    ) -> R<pb::CreateAlarmSubscriptionResponse> {
        let scope = scope(&r);
        let given = r.into_inner().subscription.unwrap_or_default();
        let input = AlarmSubscriptionInfo {
            alarm_subscription_id: String::new(),
            consumer_subscription_id: opt(given.consumer_subscription_id),
            filter: opt(given.filter),
            callback: given.callback,
        };
        let created = self.0.create_subscription(scope.as_deref(), input).await?;
        Ok(Response::new(pb::CreateAlarmSubscriptionResponse {
            subscription: Some((&created).into()),
        }))
    }

    async fn get_alarm_subscription(
        &self,
        r: Request<pb::GetAlarmSubscriptionRequest>,
    ) -> R<pb::GetAlarmSubscriptionResponse> {
        let scope = scope(&r);
        let found = self
            .0
            .get_subscription(scope.as_deref(), &r.into_inner().alarm_subscription_id)
            .await?;
        Ok(Response::new(pb::GetAlarmSubscriptionResponse {
            subscription: Some((&found).into()),
        }))
    }

    async fn delete_alarm_subscription(
        &self,
        r: Request<pb::DeleteAlarmSubscriptionRequest>,
    ) -> R<pb::DeleteAlarmSubscriptionResponse> {
        let scope = scope(&r);
        self.0
            .delete_subscription(scope.as_deref(), &r.into_inner().alarm_subscription_id)
            .await?;
        Ok(Response::new(pb::DeleteAlarmSubscriptionResponse {}))
    }
}
