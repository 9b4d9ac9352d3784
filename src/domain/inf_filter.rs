//! INF O2's subscription filter, the grammar of `/v1` subscriptions: OR groups in brackets,
//! `[group|group…]` (brackets optional), each group O-RAN criteria joined by `;`, with at most
//! one `(eq,objectType,<type>)` naming the object type the group is about (`ResourceInfo`
//! when it names none).
//!
//! As INF documents it (and the O-RAN spec), the filter names the events NOT to report: an
//! event is left out when a group about its object's type matches the object, a group of only
//! `objectType` matching every object of that type. INF's own code does exactly this for
//! resources; for pools, types and managers it inverts attribute groups (a matching object is
//! reported), which contradicts its documentation and its own resource path, so netweave
//! applies the documented rule to every type. A type-only group silences its type either way.

use super::{attributes::Attributes, filter::Criterion, filter::Op, Filter};

/// The INF object types a group may name, with the netweave object kind each is.
pub const OBJECT_TYPES: &[(&str, &str)] = &[
    ("ResourceInfo", "Resource"),
    ("ResourcePoolInfo", "ResourcePool"),
    ("ResourceTypeInfo", "ResourceType"),
    ("DeploymentManagerInfo", "DeploymentManager"),
    ("CloudInfo", "OCloud"),
];

/// One OR group: the object kind it is about and its other criteria.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub object_type: &'static str,
    pub object_kind: &'static str,
    pub filter: Filter,
}

/// A parsed INF subscription filter; the empty filter notifies everything.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct InfFilter {
    pub groups: Vec<Group>,
}

impl InfFilter {
    /// Parses `text`; criteria may name `objectType` and any of `fields`.
    pub fn parse(text: &str, fields: &[&str]) -> Result<InfFilter, String> {
        let inner = text.trim();
        let inner = inner
            .strip_prefix('[')
            .and_then(|t| t.strip_suffix(']'))
            .unwrap_or(inner);
        if inner.trim().is_empty() {
            return Ok(InfFilter::default());
        }
        let mut names: Vec<&str> = fields.to_vec();
        names.push("objectType");
        let mut groups = Vec::new();
        for (i, group) in split_groups(inner).into_iter().enumerate() {
            let parsed = Filter::parse(group.trim(), &names)
                .map_err(|e| format!("group {} ('{}'): {e}", i + 1, group.trim()))?;
            let (types, rest): (Vec<Criterion>, Vec<Criterion>) = parsed
                .criteria()
                .iter()
                .cloned()
                .partition(|c| c.path == ["objectType"]);
            let object_type = match types.as_slice() {
                [] => "ResourceInfo",
                [c] if c.op == Op::Eq && c.values.len() == 1 => {
                    let named = c.values[0].trim();
                    OBJECT_TYPES
                        .iter()
                        .map(|(t, _)| *t)
                        .find(|t| *t == named)
                        .ok_or_else(|| {
                            format!(
                                "group {}: objectType '{named}' is not one of {}",
                                i + 1,
                                OBJECT_TYPES
                                    .iter()
                                    .map(|(t, _)| *t)
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            )
                        })?
                }
                [_] => {
                    return Err(format!(
                        "group {}: objectType takes only 'eq' with one value",
                        i + 1
                    ))
                }
                _ => return Err(format!("group {}: objectType is named twice", i + 1)),
            };
            let object_kind = OBJECT_TYPES
                .iter()
                .find(|(t, _)| *t == object_type)
                .map(|(_, k)| *k)
                .unwrap_or("Resource");
            groups.push(Group {
                object_type,
                object_kind,
                filter: Filter::from_criteria(rest),
            });
        }
        Ok(InfFilter { groups })
    }

    /// Whether an object of `kind` (`ResourcePool`…) with these attributes is notified.
    pub fn notifies<T: Attributes + ?Sized>(&self, kind: &str, object: &T) -> bool {
        !self
            .groups
            .iter()
            .filter(|g| g.object_kind == kind)
            .any(|g| g.filter.matches(object))
    }
}

/// Splits at `|` outside single-quoted values.
fn split_groups(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut quoted = false;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '\'' => quoted = !quoted,
            '|' if !quoted => {
                out.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&text[start..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::attributes::Attr;

    const FIELDS: &[&str] = &["name", "resourceTypeId", "description"];

    struct Thing(&'static str);
    impl Attributes for Thing {
        fn attribute(&self, name: &str) -> Attr<'_> {
            match name {
                "name" => Attr::Str(self.0),
                _ => Attr::Missing,
            }
        }
    }

    #[test]
    fn groups_default_to_resources_and_name_their_type() {
        let f = InfFilter::parse(
            "[(eq,name,a)|(eq,objectType,ResourcePoolInfo);(eq,name,b)]",
            FIELDS,
        )
        .unwrap();
        assert_eq!(f.groups.len(), 2);
        assert_eq!(f.groups[0].object_kind, "Resource");
        assert_eq!(f.groups[1].object_kind, "ResourcePool");
        assert!(!f.notifies("Resource", &Thing("a")), "named: not reported");
        assert!(f.notifies("Resource", &Thing("b")));
        assert!(!f.notifies("ResourcePool", &Thing("b")));
        assert!(f.notifies("ResourcePool", &Thing("a")));
        assert!(
            f.notifies("DeploymentManager", &Thing("z")),
            "a type no group is about"
        );
    }

    #[test]
    fn a_group_of_only_a_type_silences_that_type() {
        let f = InfFilter::parse("[(eq,objectType,ResourceTypeInfo)]", FIELDS).unwrap();
        assert!(!f.notifies("ResourceType", &Thing("x")));
        assert!(f.notifies("Resource", &Thing("x")));
        assert!(InfFilter::parse("", FIELDS).unwrap().groups.is_empty());
        assert!(InfFilter::parse("[]", FIELDS).unwrap().groups.is_empty());
    }

    #[test]
    fn bad_filters_say_what_is_wrong() {
        let e = InfFilter::parse("[(eq,objectType,Nope)]", FIELDS).unwrap_err();
        assert!(e.contains("objectType 'Nope'"), "{e}");
        let e = InfFilter::parse("[(neq,objectType,ResourceInfo)]", FIELDS).unwrap_err();
        assert!(e.contains("only 'eq'"), "{e}");
        let e = InfFilter::parse("[(eq,name,a)|(eq,nope,b)]", FIELDS).unwrap_err();
        assert!(e.starts_with("group 2"), "{e}");
        assert!(InfFilter::parse("[(eq,name,'a|b')]", FIELDS).is_ok());
    }
}
