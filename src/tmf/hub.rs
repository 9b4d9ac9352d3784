//! A hub registration: a TMF688 listener and the O2-IMS subscription that delivers to it.

use serde::{Deserialize, Serialize};

use super::EVENT_ROOT;

/// What the store keeps of a hub; the API shape adds `href` and defaults `@type`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Hub {
    pub id: String,
    pub callback: String,
    /// The TMF630-style query as registered (empty: every event).
    pub query: String,
    /// The O2-IMS subscription that delivers this hub's events.
    pub subscription_id: String,
    /// RFC 3339.
    pub created_at: String,
    /// The last stream position when the hub was registered: it receives later events only.
    pub after_cursor: u64,
    #[serde(rename = "@type", skip_serializing_if = "Option::is_none")]
    pub at_type: Option<String>,
    #[serde(rename = "@baseType", skip_serializing_if = "Option::is_none")]
    pub at_base_type: Option<String>,
    #[serde(rename = "@schemaLocation", skip_serializing_if = "Option::is_none")]
    pub at_schema_location: Option<String>,
    /// Internal: the tenant that owns the hub, as its subscription. Stored, never shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant: Option<String>,
}

impl Hub {
    pub fn href(&self) -> String {
        format!("{EVENT_ROOT}/hub/{}", self.id)
    }
}

impl Hub {
    /// The hub as the API shows it: the TMF688 `Hub` (`@type` defaults to `Hub`) plus
    /// netweave's `subscriptionId` and `createdAt`.
    pub fn to_json(&self) -> serde_json::Value {
        let mut body = serde_json::json!({
            "id": self.id,
            "href": self.href(),
            "callback": self.callback,
            "query": self.query,
            "@type": self.at_type.as_deref().unwrap_or("Hub"),
            "subscriptionId": self.subscription_id,
            "createdAt": self.created_at,
        });
        if let Some(t) = &self.at_base_type {
            body["@baseType"] = t.as_str().into();
        }
        if let Some(l) = &self.at_schema_location {
            body["@schemaLocation"] = l.as_str().into();
        }
        body
    }
}
