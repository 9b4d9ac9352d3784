//! Which callback addresses netweave will call. Loopback, link-local (cloud metadata lives
//! there), unspecified, multicast and broadcast addresses are refused unless the operator
//! allow-lists them; private ranges are normal for on-premises SMOs and are allowed. The
//! addresses a name resolves to are checked, then pinned for the request, so a DNS answer
//! cannot change between the check and the connection.

use std::{
    net::{IpAddr, SocketAddr},
    sync::Arc,
};

use ipnet::IpNet;
use reqwest::dns::{Addrs, Name, Resolve, Resolving};

#[derive(Clone, Debug, Default)]
pub struct CallbackPolicy {
    allow: Vec<IpNet>,
}

impl CallbackPolicy {
    /// Parses allow-listed networks (`127.0.0.0/8`, `::1/128`, or a bare address).
    pub fn new(allow: &[String]) -> Result<CallbackPolicy, String> {
        let allow = allow
            .iter()
            .map(|c| {
                c.parse::<IpNet>()
                    .or_else(|_| c.parse::<IpAddr>().map(IpNet::from))
                    .map_err(|_| format!("callback_allow entry '{c}' is not a CIDR or an address"))
            })
            .collect::<Result<_, _>>()?;
        Ok(CallbackPolicy { allow })
    }

    /// Why `ip` may not be called, if it may not.
    pub fn refusal(&self, ip: IpAddr) -> Option<&'static str> {
        if self.allow.iter().any(|n| n.contains(&ip)) {
            return None;
        }
        let ip = match ip {
            IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(IpAddr::V6(v6), IpAddr::V4),
            v4 => v4,
        };
        match ip {
            IpAddr::V4(v4) if v4.is_loopback() => Some("loopback"),
            IpAddr::V4(v4) if v4.is_link_local() => Some("link-local (cloud metadata)"),
            IpAddr::V4(v4) if v4.is_unspecified() || v4.is_broadcast() || v4.is_multicast() => {
                Some("not a unicast address")
            }
            IpAddr::V6(v6) if v6.is_loopback() => Some("loopback"),
            IpAddr::V6(v6) if (v6.segments()[0] & 0xffc0) == 0xfe80 => Some("link-local"),
            IpAddr::V6(v6) if v6.is_unspecified() || v6.is_multicast() => {
                Some("not a unicast address")
            }
            IpAddr::V6(v6) if v6.segments()[..4] == [0xfd00, 0x0ec2, 0, 0] => {
                Some("cloud metadata")
            }
            _ => None,
        }
    }

    /// Resolves `host` and checks every address; the addresses to connect to.
    pub async fn resolve(&self, host: &str, port: u16) -> Result<Vec<SocketAddr>, String> {
        let host = host.trim_start_matches('[').trim_end_matches(']');
        let addrs: Vec<SocketAddr> = match host.parse::<IpAddr>() {
            Ok(ip) => vec![SocketAddr::new(ip, port)],
            Err(_) => tokio::net::lookup_host((host, port))
                .await
                .map_err(|e| format!("callback host '{host}' does not resolve: {e}"))?
                .collect(),
        };
        if addrs.is_empty() {
            return Err(format!("callback host '{host}' has no address"));
        }
        for addr in &addrs {
            if let Some(why) = self.refusal(addr.ip()) {
                return Err(format!(
                    "callback address {} of '{host}' is {why}; allow it with --callback-allow",
                    addr.ip()
                ));
            }
        }
        Ok(addrs)
    }

    /// Checks an absolute callback URL as a subscription is created.
    pub async fn check_url(&self, url: &url::Url) -> Result<(), String> {
        let host = url
            .host_str()
            .ok_or_else(|| "callback has no host".to_owned())?;
        let port = url.port_or_known_default().unwrap_or(80);
        self.resolve(host, port).await.map(|_| ())
    }
}

/// reqwest's resolver: names resolve through the policy, so refused addresses are never
/// dialled and the checked addresses are the ones used.
pub struct PolicyResolver(pub Arc<CallbackPolicy>);

impl Resolve for PolicyResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let policy = Arc::clone(&self.0);
        Box::pin(async move {
            let addrs = policy
                .resolve(name.as_str(), 0)
                .await
                .map_err(|e| -> Box<dyn std::error::Error + Send + Sync> { e.into() })?;
            Ok(Box::new(addrs.into_iter()) as Addrs)
        })
    }
}
