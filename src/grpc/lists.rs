//! The inventory's list responses as the server sends them: each item's protobuf is kept
//! across requests while the object is unchanged (`service::rendered`), so a list is those
//! bytes framed as field 1, then the page token (field 2) and, for resources, the total
//! (field 3) — the wire form of every `List…Response` in `inventory.proto`. Clients decode
//! it with the plain generated types.

use std::sync::Arc;

use bytes::{Buf, BufMut, Bytes};
use prost::{
    encoding::{self, DecodeContext, WireType},
    DecodeError, Message,
};

use crate::{
    domain::Projection,
    service::{
        rendered::{self, Form},
        Listed,
    },
};

/// A `List…Response` with its items already encoded.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EncodedList {
    pub items: Vec<Bytes>,
    pub next_page_token: String,
    /// `ListResourcesResponse.total_count`; zero (not sent) elsewhere.
    pub total_count: i64,
}

impl EncodedList {
    /// The page of `listed`, each item converted to `P` unless its bytes are kept.
    pub fn of<T, P>(listed: &Listed<T>) -> EncodedList
    where
        T: serde::Serialize + serde::de::DeserializeOwned + Default + Send + Sync + 'static,
        P: for<'a> From<&'a T> + Message,
    {
        let items = listed
            .items
            .iter()
            .map(|item| encode::<T, P>(item, &listed.projection))
            .collect();
        EncodedList {
            items,
            next_page_token: listed.next_page_token.clone().unwrap_or_default(),
            total_count: 0,
        }
    }
}

fn encode<T, P>(item: &Arc<T>, projection: &Projection) -> Bytes
where
    T: serde::Serialize + serde::de::DeserializeOwned + Default + Send + Sync + 'static,
    P: for<'a> From<&'a T> + Message,
{
    if projection.is_identity() {
        return rendered::bytes(item, Form::Protobuf, |o| P::from(o).encode_to_vec());
    }
    super::project::<T, P>(item, projection)
        .encode_to_vec()
        .into()
}

impl Message for EncodedList {
    fn encode_raw(&self, buf: &mut impl BufMut) {
        for item in &self.items {
            encoding::encode_key(1, WireType::LengthDelimited, buf);
            encoding::encode_varint(item.len() as u64, buf);
            buf.put_slice(item);
        }
        if !self.next_page_token.is_empty() {
            encoding::string::encode(2, &self.next_page_token, buf);
        }
        if self.total_count != 0 {
            encoding::int64::encode(3, &self.total_count, buf);
        }
    }

    fn merge_field(
        &mut self,
        tag: u32,
        wire_type: WireType,
        buf: &mut impl Buf,
        ctx: DecodeContext,
    ) -> Result<(), DecodeError> {
        match tag {
            1 => {
                let mut item = Bytes::new();
                encoding::bytes::merge(wire_type, &mut item, buf, ctx)?;
                self.items.push(item);
                Ok(())
            }
            2 => encoding::string::merge(wire_type, &mut self.next_page_token, buf, ctx),
            3 => encoding::int64::merge(wire_type, &mut self.total_count, buf, ctx),
            _ => encoding::skip_field(wire_type, tag, buf, ctx),
        }
    }

    fn encoded_len(&self) -> usize {
        let items: usize = self
            .items
            .iter()
            .map(|item| {
                encoding::key_len(1) + encoding::encoded_len_varint(item.len() as u64) + item.len()
            })
            .sum();
        let token = if self.next_page_token.is_empty() {
            0
        } else {
            encoding::string::encoded_len(2, &self.next_page_token)
        };
        let total = if self.total_count == 0 {
            0
        } else {
            encoding::int64::encoded_len(3, &self.total_count)
        };
        items + token + total
    }

    fn clear(&mut self) {
        *self = EncodedList::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::proto::o2ims::v1 as pb;

    #[test]
    fn the_encoded_list_is_the_generated_message_on_the_wire() {
        let pools = vec![
            pb::ResourcePool {
                resource_pool_id: "a".into(),
                name: "first".into(),
                ..Default::default()
            },
            pb::ResourcePool {
                resource_pool_id: "b".into(),
                ..Default::default()
            },
        ];
        let plain = pb::ListResourcesResponse {
            resources: vec![pb::Resource {
                resource_id: "r".into(),
                ..Default::default()
            }],
            next_page_token: "next".into(),
            total_count: 7,
        };
        let encoded = EncodedList {
            items: plain
                .resources
                .iter()
                .map(|r| r.encode_to_vec().into())
                .collect(),
            next_page_token: "next".into(),
            total_count: 7,
        };
        assert_eq!(encoded.encode_to_vec(), plain.encode_to_vec());
        assert_eq!(encoded.encoded_len(), plain.encoded_len());
        let list = EncodedList {
            items: pools.iter().map(|p| p.encode_to_vec().into()).collect(),
            ..Default::default()
        };
        let decoded =
            pb::ListResourcePoolsResponse::decode(list.encode_to_vec().as_slice()).unwrap();
        assert_eq!(decoded.resource_pools, pools);
        assert_eq!(
            EncodedList::decode(list.encode_to_vec().as_slice()).unwrap(),
            list
        );
    }
}
