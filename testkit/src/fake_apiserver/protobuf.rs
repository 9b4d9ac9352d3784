//! The Kubernetes protobuf encoding of the bodies `client-go` sends that way — the `helm` CLI
//! writes its release `Secret`s so — read into the JSON the fake keeps: the `k8s\0` envelope
//! (`runtime.Unknown`) around the object's message, as `k8s.io/api`'s `generated.proto`
//! numbers its fields (proto2).

use std::collections::BTreeMap;

use base64::Engine as _;
use prost::Message;
use serde_json::{json, Value};

/// The media type of such bodies.
pub const MEDIA_TYPE: &str = "application/vnd.kubernetes.protobuf";
const MAGIC: &[u8] = b"k8s\0";

#[derive(Clone, PartialEq, Message)]
struct Unknown {
    #[prost(message, optional, tag = "1")]
    type_meta: Option<TypeMeta>,
    #[prost(bytes = "vec", optional, tag = "2")]
    raw: Option<Vec<u8>>,
}

#[derive(Clone, PartialEq, Message)]
struct TypeMeta {
    #[prost(string, optional, tag = "1")]
    api_version: Option<String>,
    #[prost(string, optional, tag = "2")]
    kind: Option<String>,
}

#[derive(Clone, PartialEq, Message)]
struct ObjectMeta {
    #[prost(string, optional, tag = "1")]
    name: Option<String>,
    #[prost(string, optional, tag = "3")]
    namespace: Option<String>,
    #[prost(string, optional, tag = "5")]
    uid: Option<String>,
    #[prost(string, optional, tag = "6")]
    resource_version: Option<String>,
    #[prost(btree_map = "string, string", tag = "11")]
    labels: BTreeMap<String, String>,
    #[prost(btree_map = "string, string", tag = "12")]
    annotations: BTreeMap<String, String>,
}

#[derive(Clone, PartialEq, Message)]
struct Secret {
    #[prost(message, optional, tag = "1")]
    metadata: Option<ObjectMeta>,
    #[prost(btree_map = "string, bytes", tag = "2")]
    data: BTreeMap<String, Vec<u8>>,
    #[prost(string, optional, tag = "3")]
    r#type: Option<String>,
    #[prost(bool, optional, tag = "5")]
    immutable: Option<bool>,
}

#[derive(Clone, PartialEq, Message)]
struct ConfigMap {
    #[prost(message, optional, tag = "1")]
    metadata: Option<ObjectMeta>,
    #[prost(btree_map = "string, string", tag = "2")]
    data: BTreeMap<String, String>,
}

fn metadata(m: Option<ObjectMeta>) -> Value {
    let m = m.unwrap_or_default();
    let mut out = json!({"labels": m.labels, "annotations": m.annotations});
    for (k, v) in [
        ("name", m.name),
        ("namespace", m.namespace),
        ("uid", m.uid),
        ("resourceVersion", m.resource_version),
    ] {
        // Proto2 sends unset strings as empty ones.
        if let Some(v) = v.filter(|v| !v.is_empty()) {
            out[k] = json!(v);
        }
    }
    out
}

/// The object a protobuf body carries, as JSON; why not, for a body it cannot read.
pub fn decode(body: &[u8]) -> Result<Value, String> {
    let inner = body
        .strip_prefix(MAGIC)
        .ok_or("the protobuf body lacks the k8s envelope")?;
    let unknown = Unknown::decode(inner).map_err(|e| e.to_string())?;
    let meta = unknown.type_meta.unwrap_or_default();
    let raw = unknown.raw.unwrap_or_default();
    let (api_version, kind) = (
        meta.api_version.unwrap_or_default(),
        meta.kind.unwrap_or_default(),
    );
    match (api_version.as_str(), kind.as_str()) {
        ("v1", "Secret") => {
            let s = Secret::decode(raw.as_slice()).map_err(|e| e.to_string())?;
            let data: BTreeMap<String, String> = s
                .data
                .into_iter()
                .map(|(k, v)| (k, base64::engine::general_purpose::STANDARD.encode(v)))
                .collect();
            let mut out = json!({"apiVersion": "v1", "kind": "Secret",
                "metadata": metadata(s.metadata), "data": data});
            if let Some(t) = s.r#type {
                out["type"] = json!(t);
            }
            if let Some(i) = s.immutable {
                out["immutable"] = json!(i);
            }
            Ok(out)
        }
        ("v1", "ConfigMap") => {
            let c = ConfigMap::decode(raw.as_slice()).map_err(|e| e.to_string())?;
            Ok(json!({"apiVersion": "v1", "kind": "ConfigMap",
                "metadata": metadata(c.metadata), "data": c.data}))
        }
        _ => Err(format!(
            "the fake reads no protobuf body of {api_version} {kind}"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_reads_back_as_its_json() {
        let secret = Secret {
            metadata: Some(ObjectMeta {
                name: Some("sh.helm.release.v1.rel.v1".into()),
                labels: [("owner".to_owned(), "helm".to_owned())].into(),
                ..Default::default()
            }),
            data: [("release".to_owned(), b"H4sI".to_vec())].into(),
            r#type: Some("helm.sh/release.v1".into()),
            immutable: None,
        };
        let envelope = Unknown {
            type_meta: Some(TypeMeta {
                api_version: Some("v1".into()),
                kind: Some("Secret".into()),
            }),
            raw: Some(secret.encode_to_vec()),
        };
        let mut body = MAGIC.to_vec();
        body.extend(envelope.encode_to_vec());
        let json = decode(&body).unwrap();
        assert_eq!(json["metadata"]["name"], "sh.helm.release.v1.rel.v1");
        assert_eq!(json["metadata"]["labels"]["owner"], "helm");
        assert_eq!(json["data"]["release"], "SDRzSQ==");
        assert_eq!(json["type"], "helm.sh/release.v1");
        assert!(decode(b"{}").is_err());
    }
}
