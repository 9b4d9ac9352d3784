//! Managed infrastructure templates: what an SMO may ask for. A template is a name and version,
//! a description, an OpenAPI v3 (JSON Schema) `parameterSchema` with defaults, and the builder
//! that carries it out on a backend (`simulator.pool`, …). netweave ships some; an operator adds
//! and versions more as YAML or JSON files in `provisioning.templates_dir`.

use std::{collections::BTreeMap, path::Path, sync::Arc};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::parameters::{self, Invalid};

/// The templates netweave ships (their builders are offered only where a backend has them).
const BUILT_IN: &[(&str, &str)] = &[
    (
        "sim-pool.v1.yaml",
        include_str!("templates/sim-pool.v1.yaml"),
    ),
    (
        "os-server-group.v1.yaml",
        include_str!("templates/os-server-group.v1.yaml"),
    ),
    (
        "k8s-node-pool.v1.yaml",
        include_str!("templates/k8s-node-pool.v1.yaml"),
    ),
    (
        "k8s-node-cluster.v1.yaml",
        include_str!("templates/k8s-node-cluster.v1.yaml"),
    ),
];

/// Names template ids: `artifactResourceId` is the UUIDv5 of `<name>.<version>` under it.
const NAMESPACE: uuid::Uuid = uuid::Uuid::from_u128(0x6e65_7477_6561_7665_9a1b_0000_7465_6d70);

/// A template as written in its file.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TemplateFile {
    pub name: String,
    pub version: String,
    pub description: String,
    /// What carries it out, on the backend that offers it.
    pub builder: String,
    #[serde(default)]
    pub characteristics: BTreeMap<String, String>,
    pub parameter_schema: Value,
    #[serde(default)]
    pub extensions: Map<String, Value>,
}

/// A template as served (`ManagedInfrastructureTemplate`), with its compiled schema.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Template {
    pub artifact_resource_id: String,
    pub name: String,
    pub version: String,
    pub description: String,
    pub parameter_schema: Value,
    pub characteristics: BTreeMap<String, String>,
    pub extensions: Map<String, Value>,
    #[serde(skip)]
    pub builder: String,
    #[serde(skip)]
    validator: Arc<jsonschema::Validator>,
}

impl Template {
    /// Compiles a template file; `Err` says what is wrong with it.
    pub fn compile(file: TemplateFile) -> Result<Template, String> {
        for (field, value) in [
            ("name", &file.name),
            ("version", &file.version),
            ("builder", &file.builder),
        ] {
            if value.trim().is_empty() {
                return Err(format!("'{field}' is empty"));
            }
        }
        if !file.parameter_schema.is_object() {
            return Err("'parameterSchema' is not an object".into());
        }
        let validator = jsonschema::options()
            .with_draft(jsonschema::Draft::Draft7)
            .should_validate_formats(true)
            .build(&file.parameter_schema)
            .map_err(|e| format!("'parameterSchema' is not a valid schema: {e}"))?;
        let mut extensions = file.extensions;
        extensions.insert("builder".into(), Value::String(file.builder.clone()));
        Ok(Template {
            artifact_resource_id: Self::id_of(&file.name, &file.version),
            name: file.name,
            version: file.version,
            description: file.description,
            parameter_schema: file.parameter_schema,
            characteristics: file.characteristics,
            extensions,
            builder: file.builder,
            validator: Arc::new(validator),
        })
    }

    /// The id a template of `name` and `version` has.
    pub fn id_of(name: &str, version: &str) -> String {
        uuid::Uuid::new_v5(&NAMESPACE, format!("{name}.{version}").as_bytes()).to_string()
    }

    /// The default values of its parameters (`/defaults`).
    pub fn defaults(&self) -> Value {
        parameters::defaults_of(&self.parameter_schema)
    }

    /// The parameters a request gives, checked against the schema, with the schema's defaults
    /// filled in where the request is silent.
    pub fn resolve(&self, given: &Value) -> Result<Value, Invalid> {
        parameters::resolve(&self.parameter_schema, &self.validator, given)
    }
}

/// Every template an O-Cloud offers, by id.
#[derive(Clone, Debug, Default)]
pub struct Catalog {
    templates: BTreeMap<String, Arc<Template>>,
}

impl Catalog {
    /// The built-in templates whose builder is in `builders`, and every template file of `dir`
    /// (`*.yaml`, `*.yml`, `*.json`). A file that does not compile, names a builder no backend
    /// offers, or repeats a name and version stops start-up naming the file.
    pub fn load(dir: Option<&Path>, builders: &[String]) -> anyhow::Result<Catalog> {
        let mut catalog = Catalog::default();
        for (file, text) in BUILT_IN {
            let template = parse(file, text)?;
            if builders.contains(&template.builder) {
                catalog.add(file, template)?;
            }
        }
        let Some(dir) = dir else {
            return Ok(catalog);
        };
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .map_err(|e| anyhow::anyhow!("provisioning.templates_dir '{}': {e}", dir.display()))?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| {
                matches!(
                    p.extension().and_then(|e| e.to_str()),
                    Some("yaml" | "yml" | "json")
                )
            })
            .collect();
        paths.sort();
        for path in paths {
            let name = path.display().to_string();
            let text = std::fs::read_to_string(&path)
                .map_err(|e| anyhow::anyhow!("template '{name}': {e}"))?;
            let template = parse(&name, &text)?;
            if !builders.contains(&template.builder) {
                anyhow::bail!(
                    "template '{name}': builder '{}' is not offered by the configured backends (they offer: {})",
                    template.builder,
                    builders.join(", ")
                );
            }
            catalog.add(&name, template)?;
        }
        Ok(catalog)
    }

    fn add(&mut self, file: &str, template: Template) -> anyhow::Result<()> {
        let id = template.artifact_resource_id.clone();
        if self.templates.contains_key(&id) {
            anyhow::bail!(
                "template '{file}': {} {} is defined twice",
                template.name,
                template.version
            );
        }
        self.templates.insert(id, Arc::new(template));
        Ok(())
    }

    /// Every template, by name then version.
    pub fn all(&self) -> Vec<Arc<Template>> {
        let mut all: Vec<_> = self.templates.values().cloned().collect();
        all.sort_by(|a, b| (&a.name, &a.version).cmp(&(&b.name, &b.version)));
        all
    }

    /// The template of `id`: its `artifactResourceId` or `<name>.<version>`.
    pub fn get(&self, id: &str) -> Option<Arc<Template>> {
        if let Some(t) = self.templates.get(id) {
            return Some(Arc::clone(t));
        }
        self.templates
            .values()
            .find(|t| format!("{}.{}", t.name, t.version) == id)
            .cloned()
    }

    /// The template a request names.
    pub fn named(&self, name: &str, version: &str) -> Option<Arc<Template>> {
        self.templates.get(&Template::id_of(name, version)).cloned()
    }
}

fn parse(file: &str, text: &str) -> anyhow::Result<Template> {
    let parsed: TemplateFile = if file.ends_with(".json") {
        serde_json::from_str(text).map_err(|e| anyhow::anyhow!("template '{file}': {e}"))?
    } else {
        serde_yaml::from_str(text).map_err(|e| anyhow::anyhow!("template '{file}': {e}"))?
    };
    Template::compile(parsed).map_err(|e| anyhow::anyhow!("template '{file}': {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn catalog() -> Catalog {
        Catalog::load(None, &["simulator.pool".to_owned()]).unwrap()
    }

    #[test]
    fn built_in_templates_compile_and_are_found_by_id_or_name_version() {
        let c = catalog();
        let t = c.get("sim-pool.v1").expect("sim-pool v1");
        assert_eq!(c.get(&t.artifact_resource_id).unwrap().name, "sim-pool");
        assert_eq!(c.named("sim-pool", "v1").unwrap().version, "v1");
        assert!(c.named("sim-pool", "v9").is_none());
        assert_eq!(t.defaults()["nodeCount"], json!(3));
    }

    #[test]
    fn templates_of_builders_no_backend_offers_are_not_offered() {
        assert!(Catalog::load(None, &[]).unwrap().all().is_empty());
    }

    #[test]
    fn a_template_file_naming_an_unknown_builder_or_twice_the_same_version_stops_start_up() {
        let dir = tempfile::tempdir().unwrap();
        let file = |name: &str, builder: &str| {
            format!("name: {name}\nversion: v1\ndescription: d\nbuilder: {builder}\nparameterSchema: {{type: object}}\n")
        };
        std::fs::write(dir.path().join("a.yaml"), file("a", "openstack.nothing")).unwrap();
        let e = Catalog::load(Some(dir.path()), &["simulator.pool".into()]).unwrap_err();
        assert!(e.to_string().contains("openstack.nothing"), "{e}");
        std::fs::write(
            dir.path().join("a.yaml"),
            file("sim-pool", "simulator.pool"),
        )
        .unwrap();
        let e = Catalog::load(Some(dir.path()), &["simulator.pool".into()]).unwrap_err();
        assert!(e.to_string().contains("defined twice"), "{e}");
        std::fs::write(dir.path().join("a.yaml"), file("mine", "simulator.pool")).unwrap();
        let c = Catalog::load(Some(dir.path()), &["simulator.pool".into()]).unwrap();
        assert_eq!(c.all().len(), 2);
    }
}
