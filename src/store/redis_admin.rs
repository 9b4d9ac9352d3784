//! Tenants, bindings and the audit trail in Redis (key layout in `keys.rs`).

use std::collections::HashMap;

use async_trait::async_trait;
use redis::AsyncCommands as _;

use super::{
    admin::{AdminStore, AUDIT_SCAN},
    embedded::decode,
    redis::{map_err, RedisStore},
    StoreError,
};
use crate::domain::{
    audit::{AuditQuery, AuditRecord},
    tenancy::{RoleBinding, Tenant},
};

fn encode<T: serde::Serialize>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|e| StoreError::Internal(e.to_string()))
}

/// GCRA on Redis. KEYS[1]: the tenant's theoretical arrival time (ms). ARGV: interval ms,
/// burst, and optionally `now` in ms (tests; otherwise Redis's clock). Returns the wait in
/// ms as a string: "0" when the request is allowed.
pub const TENANT_RATE: &str = r"
local now = tonumber(ARGV[3])
if now == nil then
  local t = redis.call('TIME')
  now = t[1] * 1000 + t[2] / 1000
end
local interval = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1])) or now
if tat < now then tat = now end
local new_tat = tat + interval
local allow_at = new_tat - burst * interval
if allow_at > now then
  return tostring(allow_at - now)
end
redis.call('SET', KEYS[1], tostring(new_tat), 'PX', math.ceil(new_tat - now) + 1000)
return '0'";

/// Replaces an existing tenant. KEYS[1]: tenants hash. ARGV: id, JSON.
const REPLACE: &str = r"
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return 1";

/// Audit entries read per round trip, newest first.
const PAGE: usize = 1000;

#[async_trait]
impl AdminStore for RedisStore {
    async fn create_tenant(&self, tenant: &Tenant) -> Result<bool, StoreError> {
        let mut conn = self.link.conn();
        let created: bool = conn
            .hset_nx(self.keys.tenants(), &tenant.tenant_id, encode(tenant)?)
            .await
            .map_err(map_err)?;
        self.link.durable(&mut conn).await.map_err(map_err)?;
        Ok(created)
    }

    async fn replace_tenant(&self, tenant: &Tenant) -> Result<bool, StoreError> {
        let mut conn = self.link.conn();
        let replaced: i64 = redis::Script::new(REPLACE)
            .key(self.keys.tenants())
            .arg(&tenant.tenant_id)
            .arg(encode(tenant)?)
            .invoke_async(&mut conn)
            .await
            .map_err(map_err)?;
        self.link.durable(&mut conn).await.map_err(map_err)?;
        Ok(replaced == 1)
    }

    async fn get_tenant(&self, id: &str) -> Result<Option<Tenant>, StoreError> {
        let mut conn = self.link.conn();
        let found: Option<String> = conn.hget(self.keys.tenants(), id).await.map_err(map_err)?;
        found.map(|j| decode(j.as_bytes())).transpose()
    }

    async fn list_tenants(&self) -> Result<Vec<Tenant>, StoreError> {
        let mut conn = self.link.conn();
        let all: HashMap<String, String> =
            conn.hgetall(self.keys.tenants()).await.map_err(map_err)?;
        let mut tenants = all
            .values()
            .map(|j| decode(j.as_bytes()))
            .collect::<Result<Vec<Tenant>, _>>()?;
        tenants.sort_by(|a, b| a.tenant_id.cmp(&b.tenant_id));
        Ok(tenants)
    }

    async fn remove_tenant(&self, id: &str) -> Result<bool, StoreError> {
        let mut conn = self.link.conn();
        let (removed, _): (i64, i64) = redis::pipe()
            .atomic()
            .hdel(self.keys.tenants(), id)
            .del(self.keys.tenant_bindings(id))
            .query_async(&mut conn)
            .await
            .map_err(map_err)?;
        self.link.durable(&mut conn).await.map_err(map_err)?;
        Ok(removed == 1)
    }

    async fn list_bindings(&self, tenant: &str) -> Result<Vec<RoleBinding>, StoreError> {
        let mut conn = self.link.conn();
        let all: HashMap<String, String> = conn
            .hgetall(self.keys.tenant_bindings(tenant))
            .await
            .map_err(map_err)?;
        let mut bindings = all
            .values()
            .map(|j| decode(j.as_bytes()))
            .collect::<Result<Vec<RoleBinding>, _>>()?;
        bindings.sort_by(|a, b| a.subject.cmp(&b.subject));
        Ok(bindings)
    }

    async fn put_binding(&self, tenant: &str, binding: &RoleBinding) -> Result<bool, StoreError> {
        let mut conn = self.link.conn();
        let added: i64 = conn
            .hset(
                self.keys.tenant_bindings(tenant),
                &binding.subject,
                encode(binding)?,
            )
            .await
            .map_err(map_err)?;
        self.link.durable(&mut conn).await.map_err(map_err)?;
        Ok(added == 1)
    }

    async fn remove_binding(&self, tenant: &str, subject: &str) -> Result<bool, StoreError> {
        let mut conn = self.link.conn();
        let removed: i64 = conn
            .hdel(self.keys.tenant_bindings(tenant), subject)
            .await
            .map_err(map_err)?;
        self.link.durable(&mut conn).await.map_err(map_err)?;
        Ok(removed == 1)
    }

    async fn append_audit(&self, records: &[AuditRecord]) -> Result<(), StoreError> {
        if records.is_empty() {
            return Ok(());
        }
        let mut conn = self.link.conn();
        let mut pipe = redis::pipe();
        for r in records {
            pipe.cmd("XADD")
                .arg(self.keys.audit())
                .arg("*")
                .arg("r")
                .arg(encode(r)?)
                .arg("t")
                .arg(r.at_ms)
                .ignore();
        }
        pipe.query_async::<()>(&mut conn).await.map_err(map_err)
    }

    async fn audit(&self, query: &AuditQuery) -> Result<Vec<AuditRecord>, StoreError> {
        let mut conn = self.link.conn();
        let mut out = Vec::new();
        let mut end = "+".to_owned();
        let mut scanned = 0;
        while scanned < AUDIT_SCAN && out.len() < query.limit {
            let reply: redis::streams::StreamRangeReply = redis::cmd("XREVRANGE")
                .arg(self.keys.audit())
                .arg(&end)
                .arg("-")
                .arg("COUNT")
                .arg(PAGE)
                .query_async(&mut conn)
                .await
                .map_err(map_err)?;
            let Some(last) = reply.ids.last() else { break };
            end = format!("({}", last.id);
            scanned += reply.ids.len();
            let mut older = false;
            for entry in &reply.ids {
                let text: Option<String> = entry.get("r");
                let at: Option<i64> = entry.get("t");
                let (Some(text), Some(at)) = (text, at) else {
                    continue;
                };
                let mut record: AuditRecord = decode(text.as_bytes())?;
                record.at_ms = at;
                older |= query.since_ms.is_some_and(|s| at < s - 60_000);
                if query.matches(&record) {
                    out.push(record);
                    if out.len() >= query.limit {
                        break;
                    }
                }
            }
            // Entries are in append order; replicas' clocks may differ by a little.
            if older || reply.ids.len() < PAGE {
                break;
            }
        }
        Ok(out)
    }

    async fn trim_audit(&self, keep: usize, before_ms: i64) -> Result<u64, StoreError> {
        let mut conn = self.link.conn();
        let (by_count, by_age): (u64, u64) = redis::pipe()
            .cmd("XTRIM")
            .arg(self.keys.audit())
            .arg("MAXLEN")
            .arg(keep)
            .cmd("XTRIM")
            .arg(self.keys.audit())
            .arg("MINID")
            .arg(before_ms.max(0))
            .query_async(&mut conn)
            .await
            .map_err(map_err)?;
        Ok(by_count + by_age)
    }

    async fn get_setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        let mut conn = self.link.conn();
        conn.hget(self.keys.settings(), key).await.map_err(map_err)
    }

    async fn put_setting(&self, key: &str, value: &str) -> Result<(), StoreError> {
        let mut conn = self.link.conn();
        let _: i64 = conn
            .hset(self.keys.settings(), key, value)
            .await
            .map_err(map_err)?;
        self.link.durable(&mut conn).await.map_err(map_err)
    }

    async fn take_lease(
        &self,
        key: &str,
        holder: &str,
        max: u32,
        ttl: std::time::Duration,
    ) -> Result<bool, StoreError> {
        let mut conn = self.link.conn();
        let taken: i64 = redis::Script::new(super::leases::TAKE_SCRIPT)
            .key(self.keys.lease(key))
            .arg(holder)
            .arg(max)
            .arg(ttl.as_millis() as u64)
            .invoke_async(&mut conn)
            .await
            .map_err(map_err)?;
        Ok(taken == 1)
    }

    async fn rate(
        &self,
        tenant: &str,
        rate: f64,
        burst: u32,
    ) -> Result<Option<std::time::Duration>, StoreError> {
        let mut conn = self.link.conn();
        let wait: String = redis::Script::new(TENANT_RATE)
            .key(self.keys.rate(tenant))
            .arg(1000.0 / rate)
            .arg(burst)
            .invoke_async(&mut conn)
            .await
            .map_err(map_err)?;
        let ms: f64 = wait.parse().unwrap_or(0.0);
        Ok(Some(std::time::Duration::from_secs_f64(
            ms.max(0.0) / 1000.0,
        )))
    }

    async fn drop_lease(&self, key: &str, holder: &str) -> Result<(), StoreError> {
        let mut conn = self.link.conn();
        let _: i64 = conn
            .zrem(self.keys.lease(key), holder)
            .await
            .map_err(map_err)?;
        Ok(())
    }
}
