//! INF O2's `/v1` object models, read from its swagger (`specs/inf-o2/swagger.yaml`, embedded):
//! each model's attributes and its default mask (`x-mask`), the attributes a plain GET
//! returns. The swagger is the one source of these; nothing here repeats them.

use std::{collections::HashMap, sync::OnceLock};

use serde_json::Value;

use super::mask::Mask;

const SWAGGER: &str = include_str!(concat!(env!("OUT_DIR"), "/inf_o2_swagger.json"));

/// INF O2's swagger document (Swagger 2.0), as published.
pub fn swagger() -> &'static Value {
    static DOC: OnceLock<Value> = OnceLock::new();
    DOC.get_or_init(|| serde_json::from_str(SWAGGER).expect("embedded INF swagger is JSON"))
}

/// The attributes of one INF model and its default mask.
#[derive(Clone, Debug)]
pub struct Model {
    pub name: String,
    pub fields: Vec<String>,
    pub default: Mask,
}

/// The INF model `name` (`ResourcePoolGetDto`…). The names used are constants of this
/// module's callers, checked by a unit test; an unknown one is a programming error.
pub fn model(name: &str) -> &'static Model {
    static MODELS: OnceLock<HashMap<String, Model>> = OnceLock::new();
    let models = MODELS.get_or_init(|| {
        let definitions = swagger()["definitions"]
            .as_object()
            .expect("swagger definitions");
        definitions
            .iter()
            .map(|(name, definition)| {
                let fields: Vec<String> = definition["properties"]
                    .as_object()
                    .map(|p| p.keys().cloned().collect())
                    .unwrap_or_default();
                let default = match definition["x-mask"].as_str() {
                    Some(mask) => Mask::parse_x_mask(mask),
                    None => Mask::Some(fields.iter().map(|f| (f.clone(), Mask::All)).collect()),
                };
                let model = Model {
                    name: name.clone(),
                    fields,
                    default,
                };
                (name.clone(), model)
            })
            .collect()
    });
    models
        .get(name)
        .unwrap_or_else(|| panic!("INF swagger has no model '{name}'"))
}

/// The models `/v1` renders.
pub mod names {
    pub const CLOUD: &str = "OcloudDto";
    pub const POOL: &str = "ResourcePoolGetDto";
    pub const TYPE: &str = "ResourceTypeGetDto";
    pub const RESOURCE_LIST: &str = "ResourceListDto";
    pub const RESOURCE_GET: &str = "ResourceGetDto2";
    pub const MANAGER_LIST: &str = "DeploymentManagerListDto";
    pub const MANAGER_GET: &str = "DeploymentManagerGetDto";
    pub const SUBSCRIPTION: &str = "SubscriptionGetDto";
    pub const ALL: &[&str] = &[
        CLOUD,
        POOL,
        TYPE,
        RESOURCE_LIST,
        RESOURCE_GET,
        MANAGER_LIST,
        MANAGER_GET,
        SUBSCRIPTION,
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rendered_model_is_in_the_swagger_with_its_default_mask() {
        for name in names::ALL {
            let m = model(name);
            assert!(!m.fields.is_empty(), "{name}");
            let Mask::Some(default) = &m.default else {
                panic!("{name}: default mask is not a list")
            };
            for field in default.keys() {
                assert!(m.fields.contains(field), "{name}: mask names '{field}'");
            }
        }
        let pool = model(names::POOL);
        assert_eq!(
            pool.default,
            Mask::parse_x_mask("{resourcePoolId,oCloudId,globalLocationId,name,description}")
        );
        assert!(pool.fields.contains(&"location".to_owned()));
    }
}
