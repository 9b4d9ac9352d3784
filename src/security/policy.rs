//! Authorization: default deny, keyed by the fully-qualified RPC. The policy is data: the
//! built-in table (`policy.toml`) plus an optional file in the same shape. Roles resolve to a
//! capability bitmask once per identity, so a decision is a map lookup and an AND.

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;

/// The built-in policy.
pub const DEFAULT: &str = include_str!("policy.toml");

/// Capabilities that gate data inside an answer rather than an RPC: the SMO access credential
/// of a deployment manager's Kubernetes profile (`profileData.admin_*`).
pub const CREDENTIALS: &str = "deployment-managers:credentials";
const DATA_CAPABILITIES: &[&str] = &[CREDENTIALS];

/// What an RPC needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    Public,
    Authenticated,
    /// The bit of a capability.
    Capability(u8),
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Document {
    #[serde(default)]
    rpcs: BTreeMap<String, String>,
    #[serde(default)]
    roles: BTreeMap<String, Vec<String>>,
}

#[derive(Debug)]
pub struct Policy {
    capabilities: Vec<String>,
    rules: HashMap<String, Rule>,
    roles: HashMap<String, u64>,
}

impl Policy {
    /// The built-in policy, with `/metrics` public when `open_metrics`, and `file` on top.
    pub fn load(file: Option<&str>, open_metrics: bool) -> Result<Policy, String> {
        let mut doc: Document =
            toml::from_str(DEFAULT).map_err(|e| format!("built-in policy: {e}"))?;
        // Capabilities of the built-in table stay known when a rule stops needing one.
        let known: Vec<String> = doc
            .rpcs
            .values()
            .cloned()
            .chain(DATA_CAPABILITIES.iter().map(|c| (*c).to_owned()))
            .collect();
        if open_metrics {
            doc.rpcs
                .insert("netweave.ops/Metrics".into(), "public".into());
        }
        if let Some(text) = file {
            let extra: Document =
                toml::from_str(text).map_err(|e| format!("auth.policy_file: {e}"))?;
            for rpc in extra.rpcs.keys() {
                if !doc.rpcs.contains_key(rpc) {
                    return Err(format!("auth.policy_file: no RPC '{rpc}' to give a rule"));
                }
            }
            doc.rpcs.extend(extra.rpcs);
            doc.roles.extend(extra.roles);
        }
        Self::from_document(doc, &known)
    }

    fn from_document(doc: Document, known: &[String]) -> Result<Policy, String> {
        let mut capabilities: Vec<String> = Vec::new();
        let bit = |name: &str, capabilities: &mut Vec<String>| -> Result<u8, String> {
            if let Some(i) = capabilities.iter().position(|c| c == name) {
                return Ok(i as u8);
            }
            if capabilities.len() == 64 {
                return Err("the policy names more than 64 capabilities".into());
            }
            capabilities.push(name.to_owned());
            Ok((capabilities.len() - 1) as u8)
        };
        let mut rules = HashMap::new();
        for (rpc, need) in &doc.rpcs {
            let rule = match need.as_str() {
                "public" => Rule::Public,
                "authenticated" => Rule::Authenticated,
                "" => return Err(format!("policy: RPC '{rpc}' has an empty rule")),
                cap => Rule::Capability(bit(cap, &mut capabilities)?),
            };
            rules.insert(rpc.clone(), rule);
        }
        // Roles may grant capabilities no rule needs (reserved ones, or metrics when open),
        // but not unknown words: a typo in a role must not pass silently.
        let mut roles = HashMap::new();
        for (role, grants) in &doc.roles {
            let mut mask = 0u64;
            for cap in grants {
                if !capabilities.contains(cap) && !known.contains(cap) {
                    return Err(format!(
                        "policy: role '{role}' grants '{cap}', which no RPC needs"
                    ));
                }
                mask |= 1 << bit(cap, &mut capabilities)?;
            }
            roles.insert(role.clone(), mask);
        }
        Ok(Policy {
            capabilities,
            rules,
            roles,
        })
    }

    /// The rule of `rpc`; `None` is deny.
    pub fn rule(&self, rpc: &str) -> Option<Rule> {
        self.rules.get(rpc).copied()
    }

    /// The capabilities granted by `roles`: role names, or capability names themselves.
    pub fn mask<S: AsRef<str>>(&self, roles: &[S]) -> u64 {
        roles.iter().fold(0, |mask, role| {
            let role = role.as_ref();
            let own = self.roles.get(role).copied().unwrap_or_else(|| {
                self.capabilities
                    .iter()
                    .position(|c| c == role)
                    .map_or(0, |i| 1 << i)
            });
            mask | own
        })
    }

    /// The capabilities `roles` grant a caller with or without a tenant: the tenant roles
    /// (owner, admin, operator, viewer) hold only within one.
    pub fn grant<S: AsRef<str>>(&self, roles: &[S], in_tenant: bool) -> u64 {
        if in_tenant {
            return self.mask(roles);
        }
        let outside: Vec<&str> = roles
            .iter()
            .map(AsRef::as_ref)
            .filter(|r| !super::tenants::TENANT_ROLES.contains(r))
            .collect();
        self.mask(&outside)
    }

    /// Whether `mask` holds `capability` (false for one no role grants).
    pub fn holds(&self, mask: u64, capability: &str) -> bool {
        self.capabilities
            .iter()
            .position(|c| c == capability)
            .is_some_and(|i| mask & (1 << i) != 0)
    }

    pub fn capability_name(&self, bit: u8) -> &str {
        self.capabilities
            .get(bit as usize)
            .map_or("?", String::as_str)
    }

    /// Every RPC with a rule.
    pub fn rpcs(&self) -> impl Iterator<Item = &str> {
        self.rules.keys().map(String::as_str)
    }

    /// Every role.
    pub fn roles(&self) -> impl Iterator<Item = &str> {
        self.roles.keys().map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_grant_what_the_table_says() {
        let p = Policy::load(None, false).unwrap();
        let reader = p.mask(&["o2ims-reader"]);
        let Some(Rule::Capability(read)) =
            p.rule("netweave.o2ims.v1.InventoryService/ListResourcePools")
        else {
            panic!("pool listing needs a capability")
        };
        assert_ne!(reader & (1 << read), 0);
        let Some(Rule::Capability(dm)) =
            p.rule("netweave.o2ims.v1.InventoryService/ListDeploymentManagers")
        else {
            panic!("deployment managers need a capability")
        };
        assert_eq!(
            reader & (1 << dm),
            0,
            "readers do not see deployment managers"
        );
        assert_ne!(p.mask(&["deployment-managers:read"]) & (1 << dm), 0);
        assert_eq!(p.mask(&["nobody"]), 0);
        assert_eq!(p.rule("netweave.o2ims.v1.InventoryService/Nope"), None);
    }

    #[test]
    fn a_policy_file_adds_roles_and_replaces_rules() {
        let file = r#"
            [rpcs]
            "netweave.o2ims.v1.InventoryService/GetCloudInfo" = "public"
            [roles]
            "smo" = ["inventory:read", "deployment-managers:read"]
        "#;
        let p = Policy::load(Some(file), true).unwrap();
        assert_eq!(
            p.rule("netweave.o2ims.v1.InventoryService/GetCloudInfo"),
            Some(Rule::Public)
        );
        assert_eq!(p.rule("netweave.ops/Metrics"), Some(Rule::Public));
        assert_eq!(
            p.mask(&["smo"]),
            p.mask(&["inventory:read", "deployment-managers:read"])
        );
        let typo = "[roles]\n\"smo\" = [\"inventory:raed\"]";
        assert!(Policy::load(Some(typo), false)
            .unwrap_err()
            .contains("inventory:raed"));
        let unknown = "[rpcs]\n\"x.Y/Z\" = \"public\"";
        assert!(Policy::load(Some(unknown), false)
            .unwrap_err()
            .contains("x.Y/Z"));
    }
}
