//! The audit trail's records as they are stored and served, and the query over them (the trail
//! itself, which writes and retains them, is `security::audit`).

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Success,
    Denied,
    Error,
}

impl Outcome {
    /// The name records carry (`success`, `denied`, `error`).
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Success => "success",
            Outcome::Denied => "denied",
            Outcome::Error => "error",
        }
    }

    pub fn parse(text: &str) -> Option<Outcome> {
        match text {
            "success" => Some(Outcome::Success),
            "denied" => Some(Outcome::Denied),
            "error" => Some(Outcome::Error),
            _ => None,
        }
    }

    /// 401, 403 and 429 are refusals; any other status of 400 or more an error.
    pub fn of(status: u16, grpc: Option<u32>) -> Outcome {
        // gRPC: UNAUTHENTICATED 16, PERMISSION_DENIED 7, RESOURCE_EXHAUSTED 8.
        match (status, grpc) {
            (401 | 403 | 429, _) | (_, Some(7 | 8 | 16)) => Outcome::Denied,
            (s, _) if s >= 400 => Outcome::Error,
            (_, Some(code)) if code != 0 => Outcome::Error,
            _ => Outcome::Success,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuditRecord {
    /// RFC 3339, milliseconds.
    pub timestamp: String,
    /// Milliseconds since the epoch (the store's order).
    #[serde(skip)]
    pub at_ms: i64,
    pub request_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// `anonymous`, `token`, `certificate`; absent when the caller was not authenticated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_method: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_thumbprint: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rpc: Option<String>,
    pub http_method: String,
    pub path: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object_id: Option<String>,
    pub result: Outcome,
    pub status: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grpc_status: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub peer: Option<String>,
}

/// What `GET /admin/v1/audit` asks for.
#[derive(Clone, Debug, Default)]
pub struct AuditQuery {
    pub tenant: Option<String>,
    pub subject: Option<String>,
    pub result: Option<Outcome>,
    /// Milliseconds since the epoch, inclusive.
    pub since_ms: Option<i64>,
    /// Exclusive.
    pub until_ms: Option<i64>,
    pub limit: usize,
}

impl AuditQuery {
    pub fn matches(&self, r: &AuditRecord) -> bool {
        self.tenant
            .as_ref()
            .is_none_or(|t| r.tenant.as_ref() == Some(t))
            && self
                .subject
                .as_ref()
                .is_none_or(|s| r.subject.as_ref() == Some(s))
            && self.result.is_none_or(|o| r.result == o)
            && self.since_ms.is_none_or(|t| r.at_ms >= t)
            && self.until_ms.is_none_or(|t| r.at_ms < t)
    }
}
