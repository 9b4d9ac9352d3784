//! What a subscriber receives: the O2ims `InventoryChangeNotification` body, Standard Webhooks
//! signature headers, and the design's `X-O2IMS-*` compatibility headers.

use base64::{engine::general_purpose::STANDARD, Engine};
use hmac::{Hmac, KeyInit, Mac};
use serde::Serialize;
use serde_json::Value;
use sha2::Sha256;
use uuid::Uuid;

use crate::{domain::Subscription, events::Event, tmf};

/// Namespace of notification ids: the id of (subscription, event) never changes, so receivers
/// can deduplicate retried and redelivered notifications.
const NOTIFICATION_NS: Uuid = Uuid::from_u128(0x6e65_7477_6561_7665_2d6e_6f74_6966_7931);

pub fn notification_id(subscription_id: &str, event_id: &str) -> String {
    Uuid::new_v5(
        &NOTIFICATION_NS,
        format!("{subscription_id}/{event_id}").as_bytes(),
    )
    .to_string()
}

/// The spec's `InventoryChangeNotification`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InventoryChangeNotification<'a> {
    pub notification_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consumer_subscription_id: Option<&'a str>,
    pub notification_event_type: u8,
    pub object_ref: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prior_object_state: Option<&'a Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub post_object_state: Option<&'a Value>,
}

/// The body a subscription receives for an event, and its event type header: the O2ims
/// `InventoryChangeNotification`, the `AlarmEventNotification` for an alarm subscription, the
/// SOL003 lifecycle notification for a lifecycle subscription, or for a hub's subscription the
/// TMF688 event.
pub fn body(subscription: &Subscription, event: &Event) -> (Vec<u8>, String) {
    if let Some(lcm) = &subscription.lcm {
        let id = notification_id(&subscription.subscription_id, &event.event_id);
        let n = crate::dms::notify::notification(
            event,
            &subscription.subscription_id,
            &id,
            &lcm.verbosity,
        );
        return (
            serde_json::to_vec(&n).unwrap_or_default(),
            event.event_type.clone(),
        );
    }
    if subscription.alarm {
        return (
            alarm_notification(subscription, event),
            event.event_type.clone(),
        );
    }
    if subscription.hub_id.is_some() {
        let body = serde_json::to_vec(&tmf::event::render(event)).unwrap_or_default();
        return (body, tmf::event::event_type(event).to_owned());
    }
    (
        inventory_change(subscription, event),
        event.event_type.clone(),
    )
}

/// The spec's `AlarmEventNotification`, with its names as they are (`globalCloudID`,
/// `alarmAcknowledgeTime`), from the alarm record the event carries.
fn alarm_notification(subscription: &Subscription, event: &Event) -> Vec<u8> {
    let record = event.post_object_state.clone().unwrap_or_default();
    let field = |name: &str| record.get(name).cloned().unwrap_or(Value::Null);
    let kind = crate::alarms::AlarmChange::of_event(&event.event_type).map_or(1, |c| c as u8);
    let mut n = serde_json::json!({
        "globalCloudID": event.metadata.get("globalCloudId").cloned().unwrap_or_default(),
        "notificationEventType": kind,
        "objectRef": event.object_ref,
        "alarmEventRecordId": field("alarmEventRecordId"),
        "resourceTypeID": field("resourceTypeID"),
        "resourceID": field("resourceID"),
        "alarmDefinitionID": field("alarmDefinitionID"),
        "probableCauseID": field("probableCauseID"),
        "alarmRaisedTime": field("alarmRaisedTime"),
        // Required by the notification: the raise when nothing changed since.
        "alarmChangedTime": record.get("alarmChangedTime").cloned().unwrap_or_else(|| field("alarmRaisedTime")),
        "alarmAcknowledged": field("alarmAcknowledged"),
        "perceivedSeverity": field("perceivedSeverity"),
        "extensions": record.get("extensions").cloned().unwrap_or_else(|| serde_json::json!({})),
    });
    if let Some(at) = record.get("alarmAcknowledgedTime") {
        n["alarmAcknowledgeTime"] = at.clone();
    }
    if let Some(consumer) = &subscription.consumer_subscription_id {
        n["consumerSubscriptionId"] = Value::String(consumer.clone());
    }
    // The notification id rides in a header (`webhook-id`); the body is the spec's.
    serde_json::to_vec(&n).unwrap_or_default()
}

fn inventory_change(subscription: &Subscription, event: &Event) -> Vec<u8> {
    let notification = InventoryChangeNotification {
        notification_id: notification_id(&subscription.subscription_id, &event.event_id),
        consumer_subscription_id: subscription.consumer_subscription_id.as_deref(),
        notification_event_type: event.change_kind().notification_type(),
        object_ref: &event.object_ref,
        prior_object_state: event.prior_object_state.as_ref(),
        post_object_state: event.post_object_state.as_ref(),
    };
    serde_json::to_vec(&notification).unwrap_or_default()
}

/// A Standard Webhooks secret: `whsec_` followed by base64 key bytes.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(Vec<u8>);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}

impl Secret {
    pub fn parse(text: &str) -> Result<Secret, String> {
        let encoded = text
            .strip_prefix("whsec_")
            .ok_or_else(|| "a webhook secret starts with 'whsec_'".to_owned())?;
        let key = STANDARD
            .decode(encoded)
            .map_err(|_| "the part after 'whsec_' is not base64".to_owned())?;
        if key.len() < 16 {
            return Err("a webhook secret needs at least 16 key bytes".to_owned());
        }
        Ok(Secret(key))
    }

    fn mac(&self, parts: &[&[u8]]) -> Vec<u8> {
        let mut mac =
            <Hmac<Sha256> as KeyInit>::new_from_slice(&self.0).expect("HMAC takes any key length");
        for part in parts {
            mac.update(part);
        }
        mac.finalize().into_bytes().to_vec()
    }
}

/// The headers of one delivery attempt; `webhook-id` and the notification id are stable
/// across retries, the timestamp and signatures are not.
pub fn headers(
    notification_id: &str,
    subscription_id: &str,
    event_type: &str,
    body: &[u8],
    timestamp: u64,
    secrets: &[Secret],
) -> Vec<(&'static str, String)> {
    let mut out = vec![
        ("content-type", "application/json".to_owned()),
        ("x-o2ims-event-type", event_type.to_owned()),
        ("x-o2ims-notification-id", notification_id.to_owned()),
        ("x-o2ims-subscription-id", subscription_id.to_owned()),
    ];
    if secrets.is_empty() {
        return out;
    }
    let ts = timestamp.to_string();
    let signatures: Vec<String> = secrets
        .iter()
        .map(|s| {
            format!(
                "v1,{}",
                STANDARD.encode(s.mac(&[
                    notification_id.as_bytes(),
                    b".",
                    ts.as_bytes(),
                    b".",
                    body
                ]))
            )
        })
        .collect();
    out.push(("webhook-id", notification_id.to_owned()));
    out.push(("webhook-timestamp", ts));
    out.push(("webhook-signature", signatures.join(" ")));
    out.push(("x-o2ims-signature", hex::encode(secrets[0].mac(&[body]))));
    out
}
