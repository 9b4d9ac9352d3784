//! The one way netweave reaches Redis (subscription store, event stream, delivery queue,
//! leader lock). `redis_url` is either a plain URL (`redis://`, `rediss://`) or Redis Sentinel:
//!
//! `redis+sentinel://[user:password@]host:port[,host:port…]/<master>[/<db>]`
//! (`rediss+sentinel://` for TLS to the sentinels and the master)
//!
//! A Sentinel link asks the sentinels for the current master and, every [`SENTINEL_POLL`],
//! asks again; when the master moved (a fail-over), later connections go to the new one.
//! Callers see a fail-over as transient errors, which they already retry.
//!
//! Either kind takes `?wait_replicas=N&wait_timeout_ms=T`: after each write netweave answers
//! as durable (an event append, a subscription or hub written or removed) it issues `WAIT N T`
//! and fails the write (transient) unless N replicas acknowledged it, so a fail-over that
//! promotes a replica cannot lose an accepted change.

use std::{
    sync::{Arc, RwLock, Weak},
    time::Duration,
};

use redis::{
    aio::{ConnectionManager, ConnectionManagerConfig},
    sentinel::{Sentinel, SentinelNodeConnectionInfo},
    Client, ConnectionAddr, RedisConnectionInfo, RedisError, RedisResult, TlsMode,
};

/// `WAIT`'s timeout unless the URL sets one, and the bound on it: `WAIT` must run on the
/// connection that wrote, whose answers time out at 500 ms.
const DEFAULT_WAIT_MS: u64 = 250;
const MAX_WAIT_MS: u64 = 450;

/// How often a Sentinel link asks where the master is.
pub const SENTINEL_POLL: Duration = Duration::from_millis(500);

/// A shared handle on the current Redis master.
#[derive(Clone)]
pub struct RedisLink {
    shared: Arc<Shared>,
}

struct Shared {
    current: RwLock<Current>,
    wait: Option<(u32, u64)>,
}

#[derive(Clone)]
struct Current {
    generation: u64,
    client: Client,
    conn: ConnectionManager,
    address: String,
}

/// A parsed `redis+sentinel://` URL.
#[derive(Clone, Debug, PartialEq)]
pub struct SentinelUrl {
    pub sentinels: Vec<(String, u16)>,
    pub master: String,
    pub db: i64,
    pub username: Option<String>,
    pub password: Option<String>,
    pub tls: bool,
}

fn invalid(message: String) -> RedisError {
    RedisError::from((
        redis::ErrorKind::InvalidClientConfig,
        "bad redis_url",
        message,
    ))
}

/// Splits off netweave's own query parameters (`wait_replicas`, `wait_timeout_ms`).
fn wait_options(url: &str) -> RedisResult<(String, Option<(u32, u64)>)> {
    let Some((base, query)) = url.split_once('?') else {
        return Ok((url.to_owned(), None));
    };
    let (mut replicas, mut timeout, mut rest) = (None, DEFAULT_WAIT_MS, Vec::new());
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match key {
            "wait_replicas" => {
                replicas = Some(
                    value
                        .parse::<u32>()
                        .map_err(|_| invalid(format!("wait_replicas '{value}' is not a number")))?,
                )
            }
            "wait_timeout_ms" => {
                timeout = value
                    .parse::<u64>()
                    .ok()
                    .filter(|t| (1..=MAX_WAIT_MS).contains(t))
                    .ok_or_else(|| {
                        invalid(format!(
                            "wait_timeout_ms '{value}' is not between 1 and {MAX_WAIT_MS}: WAIT runs on the write's own connection, whose answers time out at 500 ms"
                        ))
                    })?
            }
            _ => rest.push(pair),
        }
    }
    let base = if rest.is_empty() {
        base.to_owned()
    } else {
        format!("{base}?{}", rest.join("&"))
    };
    Ok((base, replicas.filter(|n| *n > 0).map(|n| (n, timeout))))
}

impl SentinelUrl {
    /// `None` for a URL that is not a Sentinel one.
    pub fn parse(url: &str) -> RedisResult<Option<SentinelUrl>> {
        let (tls, rest) = if let Some(r) = url.strip_prefix("redis+sentinel://") {
            (false, r)
        } else if let Some(r) = url.strip_prefix("rediss+sentinel://") {
            (true, r)
        } else {
            return Ok(None);
        };
        let (userinfo, rest) = match rest.rsplit_once('@') {
            Some((u, r)) => (Some(u), r),
            None => (None, rest),
        };
        let (hosts, path) = rest.split_once('/').ok_or_else(|| {
            invalid("a Sentinel URL names its master: redis+sentinel://host:26379/mymaster".into())
        })?;
        let mut sentinels = Vec::new();
        for host in hosts.split(',').filter(|h| !h.is_empty()) {
            let (name, port) = match host.rsplit_once(':') {
                Some((n, p)) => (
                    n,
                    p.parse::<u16>()
                        .map_err(|_| invalid(format!("sentinel port in '{host}'")))?,
                ),
                None => (host, 26379),
            };
            sentinels.push((name.trim_matches(['[', ']']).to_owned(), port));
        }
        if sentinels.is_empty() {
            return Err(invalid("a Sentinel URL lists at least one sentinel".into()));
        }
        let mut segments = path.split('/').filter(|s| !s.is_empty());
        let master = segments
            .next()
            .ok_or_else(|| invalid("a Sentinel URL names its master".into()))?
            .to_owned();
        let db = match segments.next() {
            Some(db) => db
                .parse()
                .map_err(|_| invalid(format!("database '{db}' is not a number")))?,
            None => 0,
        };
        let decode = |s: &str| {
            percent_encoding::percent_decode_str(s)
                .decode_utf8_lossy()
                .into_owned()
        };
        let (username, password) = match userinfo {
            Some(u) => match u.split_once(':') {
                Some((user, pass)) => (
                    Some(decode(user)).filter(|s| !s.is_empty()),
                    Some(decode(pass)),
                ),
                None => (Some(decode(u)).filter(|s| !s.is_empty()), None),
            },
            None => (None, None),
        };
        Ok(Some(SentinelUrl {
            sentinels,
            master,
            db,
            username,
            password,
            tls,
        }))
    }

    fn addresses(&self) -> Vec<ConnectionAddr> {
        self.sentinels
            .iter()
            .map(|(host, port)| {
                if self.tls {
                    ConnectionAddr::TcpTls {
                        host: host.clone(),
                        port: *port,
                        insecure: false,
                        tls_params: None,
                    }
                } else {
                    ConnectionAddr::Tcp(host.clone(), *port)
                }
            })
            .collect()
    }

    fn node_info(&self) -> SentinelNodeConnectionInfo {
        let mut redis = RedisConnectionInfo::default().set_db(self.db);
        if let Some(u) = &self.username {
            redis = redis.set_username(u);
        }
        if let Some(p) = &self.password {
            redis = redis.set_password(p);
        }
        let info = SentinelNodeConnectionInfo::default().set_redis_connection_info(redis);
        if self.tls {
            info.set_tls_mode(TlsMode::Secure)
        } else {
            info
        }
    }

    /// The current master, as the sentinels say and the master confirms.
    async fn master(&self) -> RedisResult<Client> {
        let mut sentinel = Sentinel::build(self.addresses())?;
        sentinel
            .async_master_for(&self.master, Some(&self.node_info()))
            .await
    }
}

/// A connection manager. Behind Sentinel it gives up on a lost master within about a second
/// (its default retries for ~6 s), so that requests made during a fail-over fail as
/// transient — and are retried on the new master — instead of waiting on the old one.
async fn manager(client: &Client, sentinel: bool) -> RedisResult<ConnectionManager> {
    let config = ConnectionManagerConfig::new();
    let config = if sentinel {
        config
            .set_number_of_retries(2)
            .set_max_delay(Duration::from_millis(200))
            .set_connection_timeout(Some(Duration::from_millis(500)))
    } else {
        config
    };
    client.get_connection_manager_with_config(config).await
}

fn address_of(client: &Client) -> String {
    client.get_connection_info().addr().to_string()
}

impl RedisLink {
    /// Connects to `url` (see the module documentation).
    pub async fn open(url: &str) -> RedisResult<RedisLink> {
        let (url, wait) = wait_options(url)?;
        let sentinel = SentinelUrl::parse(&url)?;
        let client = match &sentinel {
            Some(s) => s.master().await?,
            None => Client::open(url.as_str())?,
        };
        let conn = manager(&client, sentinel.is_some()).await?;
        let address = address_of(&client);
        let shared = Arc::new(Shared {
            current: RwLock::new(Current {
                generation: 0,
                client,
                conn,
                address,
            }),
            wait,
        });
        if let Some(s) = sentinel {
            tokio::spawn(follow_master(Arc::downgrade(&shared), s));
        }
        Ok(RedisLink { shared })
    }

    fn current(&self) -> Current {
        self.shared
            .current
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// A connection to the current master (multiplexed, reconnecting; cheap to clone).
    pub fn conn(&self) -> ConnectionManager {
        self.current().conn
    }

    /// A client of the current master, for dedicated connections (blocking reads).
    pub fn client(&self) -> Client {
        self.current().client
    }

    /// Changes each time the master changes; dedicated connections of an older generation
    /// are dropped.
    pub fn generation(&self) -> u64 {
        self.current().generation
    }

    /// After a write netweave answers as durable: `WAIT` for the configured replicas.
    pub async fn durable(&self, conn: &mut ConnectionManager) -> RedisResult<()> {
        let Some((replicas, timeout_ms)) = self.shared.wait else {
            return Ok(());
        };
        let acknowledged: u32 = redis::cmd("WAIT")
            .arg(replicas)
            .arg(timeout_ms)
            .query_async(conn)
            .await?;
        if acknowledged < replicas {
            return Err(RedisError::from((
                redis::ErrorKind::Io,
                "not replicated",
                format!("{acknowledged} of {replicas} replicas acknowledged the write in {timeout_ms} ms"),
            )));
        }
        Ok(())
    }
}

/// Asks the sentinels where the master is until the link is dropped; moves the link when the
/// answer changes.
async fn follow_master(shared: Weak<Shared>, sentinel: SentinelUrl) {
    loop {
        tokio::time::sleep(SENTINEL_POLL).await;
        let Some(shared) = shared.upgrade() else {
            return;
        };
        let found = match sentinel.master().await {
            Ok(client) => client,
            Err(e) => {
                tracing::debug!(error = %e, master = %sentinel.master, "sentinels did not name a reachable master; keeping the current one");
                continue;
            }
        };
        let address = address_of(&found);
        let known = shared
            .current
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .address
            .clone();
        if address == known {
            continue;
        }
        match manager(&found, true).await {
            Ok(conn) => {
                let mut current = shared.current.write().unwrap_or_else(|e| e.into_inner());
                tracing::warn!(from = %current.address, to = %address, master = %sentinel.master, "Redis master moved (Sentinel fail-over); following it");
                *current = Current {
                    generation: current.generation + 1,
                    client: found,
                    conn,
                    address,
                };
            }
            Err(e) => {
                tracing::warn!(error = %e, to = %address, "the new Redis master does not answer yet")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentinel_urls_name_sentinels_master_db_and_credentials() {
        let s = SentinelUrl::parse(
            "redis+sentinel://:s%40cret@10.0.0.1:26379,10.0.0.2,[::1]:5000/mymaster/2",
        )
        .unwrap()
        .unwrap();
        assert_eq!(
            s.sentinels,
            vec![
                ("10.0.0.1".into(), 26379),
                ("10.0.0.2".into(), 26379),
                ("::1".into(), 5000)
            ]
        );
        assert_eq!((s.master.as_str(), s.db), ("mymaster", 2));
        assert_eq!(s.password.as_deref(), Some("s@cret"));
        assert_eq!(s.username, None);
        assert!(!s.tls);
        assert!(
            SentinelUrl::parse("rediss+sentinel://h/m")
                .unwrap()
                .unwrap()
                .tls
        );
        assert!(SentinelUrl::parse("redis://h:6379").unwrap().is_none());
        assert!(
            SentinelUrl::parse("redis+sentinel://h:1").is_err(),
            "no master"
        );
        assert!(SentinelUrl::parse("redis+sentinel://h:x/m").is_err());
    }

    #[test]
    fn wait_options_are_taken_out_of_the_url() {
        let (url, wait) =
            wait_options("redis://h:6379/0?wait_replicas=1&wait_timeout_ms=250").unwrap();
        assert_eq!((url.as_str(), wait), ("redis://h:6379/0", Some((1, 250))));
        let (url, wait) = wait_options("redis://h/0?protocol=resp3&wait_replicas=2").unwrap();
        assert_eq!(
            (url.as_str(), wait),
            ("redis://h/0?protocol=resp3", Some((2, DEFAULT_WAIT_MS)))
        );
        assert_eq!(wait_options("redis://h").unwrap().1, None);
        assert!(wait_options("redis://h?wait_replicas=1&wait_timeout_ms=1000").is_err());
        assert!(wait_options("redis://h?wait_replicas=x").is_err());
    }
}
