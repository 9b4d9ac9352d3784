//! Receiving notifications: verify the signature, parse the body, answer the verification GET.
//!
//! netweave signs every notification with Standard Webhooks (`webhook-id`,
//! `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`,
//! one signature per secret while secrets rotate) and with the hex `X-O2IMS-Signature`
//! (HMAC-SHA256 of the body with the first secret). [`verify`] accepts either, in constant
//! time, and refuses a Standard Webhooks timestamp more than five minutes away.

use base64::{engine::general_purpose::STANDARD, Engine};
use hmac::{Hmac, KeyInit, Mac};
use http::HeaderMap;
use serde::Deserialize;
use serde_json::Value;
use sha2::Sha256;
use subtle::ConstantTimeEq;

/// The status that answers the subscription verification GET (O2ims: 204 No Content).
pub const VERIFICATION_STATUS: u16 = 204;

/// Largest distance between a Standard Webhooks timestamp and now.
pub const TOLERANCE_SECONDS: u64 = 300;

/// The O2ims `InventoryChangeNotification`.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct InventoryChangeNotification {
    pub notification_id: String,
    #[serde(default)]
    pub consumer_subscription_id: Option<String>,
    /// 0 create, 1 modify, 2 delete.
    pub notification_event_type: u8,
    pub object_ref: String,
    #[serde(default)]
    pub prior_object_state: Option<Value>,
    #[serde(default)]
    pub post_object_state: Option<Value>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum VerifyError {
    #[error("no signature header (webhook-signature or x-o2ims-signature)")]
    Unsigned,
    #[error("the webhook secret is not 'whsec_' followed by base64")]
    BadSecret,
    #[error("the webhook-timestamp is missing, malformed or more than five minutes away")]
    Timestamp,
    #[error("no signature matches")]
    Mismatch,
    #[error("the body is not an InventoryChangeNotification: {0}")]
    Body(String),
}

fn key(secret: &str) -> Result<Vec<u8>, VerifyError> {
    let encoded = secret
        .strip_prefix("whsec_")
        .ok_or(VerifyError::BadSecret)?;
    STANDARD.decode(encoded).map_err(|_| VerifyError::BadSecret)
}

fn mac(key: &[u8], parts: &[&[u8]]) -> Vec<u8> {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(key).expect("HMAC takes any key");
    for part in parts {
        mac.update(part);
    }
    mac.finalize().into_bytes().to_vec()
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// Checks the signature of a notification against any of `secrets` (`whsec_…`) at `now`
/// (Unix seconds).
pub fn verify_signature_at(
    body: &[u8],
    headers: &HeaderMap,
    secrets: &[&str],
    now: u64,
) -> Result<(), VerifyError> {
    let keys = secrets
        .iter()
        .map(|s| key(s))
        .collect::<Result<Vec<_>, _>>()?;
    if let Some(signatures) = header(headers, "webhook-signature") {
        let id = header(headers, "webhook-id").unwrap_or_default();
        let ts: u64 = header(headers, "webhook-timestamp")
            .and_then(|t| t.parse().ok())
            .ok_or(VerifyError::Timestamp)?;
        if ts.abs_diff(now) > TOLERANCE_SECONDS {
            return Err(VerifyError::Timestamp);
        }
        let ts = ts.to_string();
        for key in &keys {
            let want = mac(key, &[id.as_bytes(), b".", ts.as_bytes(), b".", body]);
            for sig in signatures.split(' ') {
                let Some(b64) = sig.strip_prefix("v1,") else {
                    continue;
                };
                if let Ok(got) = STANDARD.decode(b64) {
                    if bool::from(got.ct_eq(&want)) {
                        return Ok(());
                    }
                }
            }
        }
        return Err(VerifyError::Mismatch);
    }
    if let Some(hex_sig) = header(headers, "x-o2ims-signature") {
        let got = hex::decode(hex_sig.trim()).map_err(|_| VerifyError::Mismatch)?;
        for key in &keys {
            if bool::from(got.ct_eq(&mac(key, &[body]))) {
                return Ok(());
            }
        }
        return Err(VerifyError::Mismatch);
    }
    Err(VerifyError::Unsigned)
}

/// Verifies a notification (now) and parses it.
pub fn verify(
    body: &[u8],
    headers: &HeaderMap,
    secrets: &[&str],
) -> Result<InventoryChangeNotification, VerifyError> {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    verify_signature_at(body, headers, secrets, now)?;
    serde_json::from_slice(body).map_err(|e| VerifyError::Body(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    #[test]
    fn the_standard_webhooks_example_verifies() {
        // The Standard Webhooks specification's own test vector.
        let mut h = HeaderMap::new();
        h.insert(
            "webhook-id",
            "msg_p5jXN8AQM9LWM0D4loKWxJek".parse().unwrap(),
        );
        h.insert("webhook-timestamp", "1614265330".parse().unwrap());
        h.insert(
            "webhook-signature",
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
                .parse()
                .unwrap(),
        );
        let body = br#"{"test": 2432232314}"#;
        assert_eq!(verify_signature_at(body, &h, &[SECRET], 1614265330), Ok(()));
        assert_eq!(
            verify_signature_at(body, &h, &[SECRET], 1614265330 + 301),
            Err(VerifyError::Timestamp)
        );
        assert_eq!(
            verify_signature_at(br#"{"test": 2432232315}"#, &h, &[SECRET], 1614265330),
            Err(VerifyError::Mismatch)
        );
        assert_eq!(
            verify_signature_at(body, &HeaderMap::new(), &[SECRET], 0),
            Err(VerifyError::Unsigned)
        );
    }
}
