//! A VNF package's content: a CSAR (ETSI GS NFV-SOL 004), a zip with `TOSCA-Metadata/TOSCA.meta`
//! naming the entry definitions, a TOSCA VNFD (SOL001) and the files it brings (Helm charts
//! under `Files/`). Reading one gives the VNFD's identity (`vnfdId` = the VNF node's
//! `descriptor_id`, provider, product, software and descriptor versions), its deployment
//! flavours with their VDUs (`tosca.nodes.nfv.Vdu.Compute`) and scaling aspects, and the
//! artifacts `TOSCA.meta` lists with their checksums — each checked. Anything wrong is a
//! [`CsarError`] naming the file and the reason.

use std::{
    collections::{BTreeMap, BTreeSet},
    io::{Cursor, Read},
};

use serde::{Deserialize, Serialize};
use serde_yaml::Value as Yaml;
use sha2::{Digest, Sha256, Sha512};

/// Where `TOSCA.meta` is.
const META: &str = "TOSCA-Metadata/TOSCA.meta";
/// The largest file read from a package (a chart archive is far smaller; a zip bomb is not).
const MAX_FILE: u64 = 256 * 1024 * 1024;
/// SOL001's own type files, which packages import without carrying.
const STANDARD_IMPORTS: &str = "etsi_nfv_sol001_";
const VDU_TYPE: &str = "tosca.nodes.nfv.Vdu.Compute";

/// Why a package's content was refused: the file, and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{file}: {reason}")]
pub struct CsarError {
    pub file: String,
    pub reason: String,
}

fn fail(file: &str, reason: impl Into<String>) -> CsarError {
    CsarError {
        file: file.to_owned(),
        reason: reason.into(),
    }
}

/// What a package's VNFD says.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Vnfd {
    pub vnfd_id: String,
    pub provider: String,
    pub product_name: String,
    pub software_version: String,
    pub descriptor_version: String,
    pub flavours: Vec<Flavour>,
    /// The VNFD's own files (the entry definitions and what they import), for `GET …/vnfd`.
    pub files: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Flavour {
    pub id: String,
    pub description: String,
    pub vdus: Vec<Vdu>,
    pub aspects: Vec<Aspect>,
}

/// A VDU: its node name (`VDU1`), its `properties.name` (the prefix of the workloads that
/// realise it) and how many instances it may have.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Vdu {
    pub id: String,
    pub name: String,
    pub min_instances: u32,
    pub max_instances: u32,
    /// From `VduInitialDelta` (default: the minimum).
    pub initial_instances: u32,
}

/// A scaling aspect: its levels, and the instances one step adds to each VDU.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Aspect {
    pub id: String,
    pub max_scale_level: u32,
    /// VDU id → instances per step.
    pub step: BTreeMap<String, u32>,
}

/// A file `TOSCA.meta` lists (`Name`, `Content-Type`, `Algorithm`, `Hash`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Artifact {
    pub path: String,
    pub algorithm: String,
    pub hash: String,
}

/// A package's content, read.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Csar {
    pub vnfd: Vnfd,
    pub artifacts: Vec<Artifact>,
    /// SHA-256 of the whole zip.
    pub sha256: String,
}

impl Flavour {
    pub fn vdu(&self, id: &str) -> Option<&Vdu> {
        self.vdus.iter().find(|v| v.id == id)
    }
}

impl Vnfd {
    pub fn flavour(&self, id: &str) -> Option<&Flavour> {
        self.flavours.iter().find(|f| f.id == id)
    }
}

/// An opened package: the zip, for reading files out of it.
pub struct Archive {
    zip: zip::ZipArchive<Cursor<Vec<u8>>>,
}

impl Archive {
    pub fn open(bytes: Vec<u8>) -> Result<Archive, CsarError> {
        let zip = zip::ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| fail("package_content", format!("not a zip archive: {e}")))?;
        Ok(Archive { zip })
    }

    /// Every file's name.
    pub fn names(&self) -> Vec<String> {
        self.zip
            .file_names()
            .filter(|n| !n.ends_with('/'))
            .map(str::to_owned)
            .collect()
    }

    pub fn has(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }

    /// A file's bytes.
    pub fn read(&mut self, name: &str) -> Result<Vec<u8>, CsarError> {
        let file = self
            .zip
            .by_name(name)
            .map_err(|_| fail(name, "not in the package"))?;
        let mut bytes = Vec::new();
        file.take(MAX_FILE + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| fail(name, format!("cannot be read: {e}")))?;
        if bytes.len() as u64 > MAX_FILE {
            return Err(fail(name, format!("larger than {MAX_FILE} bytes")));
        }
        Ok(bytes)
    }

    fn text(&mut self, name: &str) -> Result<String, CsarError> {
        String::from_utf8(self.read(name)?).map_err(|_| fail(name, "not UTF-8 text"))
    }

    /// The files under `dir/` (or `dir` itself), with their bytes.
    pub fn tree(&mut self, dir: &str) -> Result<Vec<(String, Vec<u8>)>, CsarError> {
        let prefix = format!("{}/", dir.trim_end_matches('/'));
        let names: Vec<String> = self
            .zip
            .file_names()
            .filter(|n| (*n == dir || n.starts_with(&prefix)) && !n.ends_with('/'))
            .map(str::to_owned)
            .collect();
        names
            .into_iter()
            .map(|n| self.read(&n).map(|b| (n, b)))
            .collect()
    }
}

/// Reads a package's content.
pub fn read(bytes: Vec<u8>) -> Result<Csar, CsarError> {
    let sha256 = hex(&Sha256::digest(&bytes));
    let mut archive = Archive::open(bytes)?;
    if !archive.has(META) {
        return Err(fail(META, "missing: the package has no TOSCA metadata"));
    }
    let meta = parse_meta(&archive.text(META)?)?;
    let entry = meta
        .entry
        .clone()
        .ok_or_else(|| fail(META, "names no Entry-Definitions"))?;
    for a in &meta.artifacts {
        check_hash(&mut archive, a)?;
    }
    let vnfd = read_vnfd(&mut archive, &entry)?;
    Ok(Csar {
        vnfd,
        artifacts: meta.artifacts,
        sha256,
    })
}

struct Meta {
    entry: Option<String>,
    artifacts: Vec<Artifact>,
}

/// `TOSCA.meta`: a block of `Key: value` lines, then a block per artifact.
fn parse_meta(text: &str) -> Result<Meta, CsarError> {
    let mut entry = None;
    let mut artifacts: Vec<Artifact> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            continue;
        }
        let (key, value) = line
            .split_once(':')
            .ok_or_else(|| fail(META, format!("line {} is not 'Key: value'", n + 1)))?;
        let value = value.trim().to_owned();
        match key.trim() {
            "Entry-Definitions" => entry = Some(value),
            "Name" => artifacts.push(Artifact {
                path: value,
                ..Artifact::default()
            }),
            "Algorithm" | "Hash" => {
                let last = artifacts.last_mut().ok_or_else(|| {
                    fail(META, format!("line {}: {} before any Name", n + 1, key))
                })?;
                if key.trim() == "Algorithm" {
                    last.algorithm = value;
                } else {
                    last.hash = value.to_ascii_lowercase();
                }
            }
            _ => {}
        }
    }
    Ok(Meta { entry, artifacts })
}

fn check_hash(archive: &mut Archive, a: &Artifact) -> Result<(), CsarError> {
    if a.path.contains("://") {
        return Ok(()); // an external artifact: nothing here to check
    }
    let bytes = archive.read(&a.path)?;
    let actual = match a.algorithm.to_ascii_uppercase().replace('_', "-").as_str() {
        "" if a.hash.is_empty() => return Ok(()),
        "SHA-256" => hex(&Sha256::digest(&bytes)),
        "SHA-512" => hex(&Sha512::digest(&bytes)),
        other => {
            return Err(fail(
                &a.path,
                format!("hash algorithm '{other}' is not SHA-256 or SHA-512"),
            ))
        }
    };
    if actual != a.hash {
        return Err(fail(
            &a.path,
            format!(
                "its {} is {actual}, TOSCA.meta says {}",
                a.algorithm, a.hash
            ),
        ));
    }
    Ok(())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The entry definitions and every file they import (within the package), parsed.
fn load(archive: &mut Archive, entry: &str) -> Result<Vec<(String, Yaml)>, CsarError> {
    let mut files = Vec::new();
    let mut seen = BTreeSet::new();
    let mut todo = vec![entry.to_owned()];
    while let Some(name) = todo.pop() {
        if !seen.insert(name.clone()) {
            continue;
        }
        let doc: Yaml = serde_yaml::from_str(&archive.text(&name)?)
            .map_err(|e| fail(&name, format!("not YAML: {e}")))?;
        let dir = name.rsplit_once('/').map_or("", |(d, _)| d);
        for import in doc
            .get("imports")
            .and_then(Yaml::as_sequence)
            .into_iter()
            .flatten()
        {
            let target = match import {
                Yaml::String(s) => s.clone(),
                other => other
                    .get("file")
                    .and_then(Yaml::as_str)
                    .map(str::to_owned)
                    .ok_or_else(|| fail(&name, "an import names no file"))?,
            };
            let path = join(dir, &target);
            if archive.has(&path) {
                todo.push(path);
            } else if !target.contains(STANDARD_IMPORTS) && !target.contains("://") {
                return Err(fail(
                    &name,
                    format!("imports '{target}', not in the package"),
                ));
            }
        }
        files.push((name, doc));
    }
    Ok(files)
}

/// `dir/target`, with `..` resolved.
fn join(dir: &str, target: &str) -> String {
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for p in target.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

fn node_templates(doc: &Yaml) -> impl Iterator<Item = (String, &Yaml)> {
    doc.get("topology_template")
        .and_then(|t| t.get("node_templates"))
        .and_then(Yaml::as_mapping)
        .into_iter()
        .flatten()
        .filter_map(|(k, v)| Some((k.as_str()?.to_owned(), v)))
}

fn text(v: &Yaml, key: &str) -> Option<String> {
    match v.get(key)? {
        Yaml::String(s) => Some(s.clone()),
        Yaml::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn number(v: Option<&Yaml>) -> Option<u32> {
    v.and_then(Yaml::as_u64).and_then(|n| u32::try_from(n).ok())
}

fn read_vnfd(archive: &mut Archive, entry: &str) -> Result<Vnfd, CsarError> {
    let files = load(archive, entry)?;
    // The VNF node that carries the descriptor's identity.
    let (file, props) = files
        .iter()
        .flat_map(|(name, doc)| node_templates(doc).map(move |(_, n)| (name, n)))
        .find_map(|(name, node)| {
            let props = node.get("properties")?;
            props.get("descriptor_id").map(|_| (name.clone(), props))
        })
        .ok_or_else(|| fail(entry, "no VNF node with properties.descriptor_id"))?;
    let field = |key: &str| {
        text(props, key).ok_or_else(|| fail(&file, format!("the VNF node has no {key}")))
    };
    let mut vnfd = Vnfd {
        vnfd_id: field("descriptor_id")?,
        provider: field("provider")?,
        product_name: field("product_name")?,
        software_version: field("software_version")?,
        descriptor_version: field("descriptor_version")?,
        flavours: Vec::new(),
        files: files.iter().map(|(n, _)| n.clone()).collect(),
    };
    vnfd.files.sort();
    for (name, doc) in &files {
        let topology = doc.get("topology_template");
        let flavour_id = topology
            .and_then(|t| t.get("substitution_mappings"))
            .and_then(|s| s.get("properties"))
            .and_then(|p| text(p, "flavour_id"));
        let single = text(props, "flavour_id").filter(|_| name == &file);
        let Some(id) = flavour_id.or(single) else {
            continue;
        };
        vnfd.flavours.push(read_flavour(name, doc, id)?);
    }
    if vnfd.flavours.is_empty() {
        return Err(fail(entry, "the VNFD defines no deployment flavour"));
    }
    Ok(vnfd)
}

/// A `VduScalingAspectDeltas` policy.
struct AspectDeltas {
    aspect: String,
    per_delta: BTreeMap<String, u32>,
    targets: Vec<String>,
}

fn read_flavour(file: &str, doc: &Yaml, id: String) -> Result<Flavour, CsarError> {
    let mut flavour = Flavour {
        id,
        ..Flavour::default()
    };
    for (name, node) in node_templates(doc) {
        let props = node.get("properties");
        if let Some(d) = props.and_then(|p| text(p, "flavour_description")) {
            flavour.description = d;
        }
        if node.get("type").and_then(Yaml::as_str) != Some(VDU_TYPE) {
            continue;
        }
        let profile = props.and_then(|p| p.get("vdu_profile"));
        let min = number(profile.and_then(|p| p.get("min_number_of_instances"))).unwrap_or(1);
        let max = number(profile.and_then(|p| p.get("max_number_of_instances"))).unwrap_or(min);
        if max < min {
            return Err(fail(
                file,
                format!("VDU {name}: max_number_of_instances < min"),
            ));
        }
        flavour.vdus.push(Vdu {
            name: props
                .and_then(|p| text(p, "name"))
                .unwrap_or_else(|| name.clone()),
            id: name,
            min_instances: min,
            max_instances: max,
            initial_instances: min,
        });
    }
    let policies = doc
        .get("topology_template")
        .and_then(|t| t.get("policies"))
        .and_then(Yaml::as_sequence)
        .into_iter()
        .flatten()
        .filter_map(Yaml::as_mapping)
        .flat_map(|m| m.values());
    // Each aspect's first step delta; each deltas policy (aspect, delta → instances, VDUs).
    let mut firsts: BTreeMap<String, String> = BTreeMap::new();
    let mut deltas: Vec<AspectDeltas> = Vec::new();
    for policy in policies {
        let kind = policy
            .get("type")
            .and_then(Yaml::as_str)
            .unwrap_or_default();
        let props = policy.get("properties");
        let targets: Vec<String> = policy
            .get("targets")
            .and_then(Yaml::as_sequence)
            .into_iter()
            .flatten()
            .filter_map(|t| t.as_str().map(str::to_owned))
            .collect();
        match kind {
            "tosca.policies.nfv.ScalingAspects" => {
                let aspects = props
                    .and_then(|p| p.get("aspects"))
                    .and_then(Yaml::as_mapping)
                    .into_iter()
                    .flatten();
                for (key, aspect) in aspects {
                    let id = key.as_str().unwrap_or_default().to_owned();
                    let levels = number(aspect.get("max_scale_level"))
                        .ok_or_else(|| fail(file, format!("aspect {id} has no max_scale_level")))?;
                    let first = aspect
                        .get("step_deltas")
                        .and_then(Yaml::as_sequence)
                        .and_then(|s| s.first())
                        .and_then(Yaml::as_str)
                        .map(str::to_owned);
                    if let Some(first) = first {
                        firsts.insert(id.clone(), first);
                    }
                    flavour.aspects.push(Aspect {
                        id,
                        max_scale_level: levels,
                        step: BTreeMap::new(),
                    });
                }
            }
            "tosca.policies.nfv.VduInitialDelta" => {
                let n = number(
                    props
                        .and_then(|p| p.get("initial_delta"))
                        .and_then(|d| d.get("number_of_instances")),
                );
                for t in &targets {
                    if let (Some(v), Some(n)) = (flavour.vdus.iter_mut().find(|v| &v.id == t), n) {
                        v.initial_instances = n;
                    }
                }
            }
            "tosca.policies.nfv.VduScalingAspectDeltas" => {
                let aspect = props.and_then(|p| text(p, "aspect")).unwrap_or_default();
                let per_delta: BTreeMap<String, u32> = props
                    .and_then(|p| p.get("deltas"))
                    .and_then(Yaml::as_mapping)
                    .into_iter()
                    .flatten()
                    .filter_map(|(k, d)| {
                        Some((
                            k.as_str()?.to_owned(),
                            number(d.get("number_of_instances"))?,
                        ))
                    })
                    .collect();
                deltas.push(AspectDeltas {
                    aspect,
                    per_delta,
                    targets,
                });
            }
            _ => {}
        }
    }
    // A step of an aspect adds its first delta's instances to each VDU the deltas target.
    for d in &deltas {
        let Some(aspect) = flavour.aspects.iter_mut().find(|a| a.id == d.aspect) else {
            continue;
        };
        let delta = firsts
            .get(&d.aspect)
            .and_then(|first| d.per_delta.get(first).copied())
            .or_else(|| d.per_delta.values().next().copied());
        for t in &d.targets {
            if let Some(n) = delta {
                aspect.step.insert(t.clone(), n);
            }
        }
    }
    Ok(flavour)
}

#[cfg(test)]
pub mod tests {
    use std::io::Write;

    use super::*;

    /// A CSAR of `files` (path, content).
    pub fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, bytes) in files {
            out.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            out.write_all(bytes).unwrap();
        }
        out.finish().unwrap().into_inner()
    }

    const TOP: &str = "tosca_definitions_version: tosca_simple_yaml_1_2
imports:
  - etsi_nfv_sol001_common_types.yaml
  - df.yaml
topology_template:
  node_templates:
    VNF:
      type: example.du.VNF
      properties:
        descriptor_id: 5e1b3c1a-0000-4000-8000-00000000d0d0
        provider: Example
        product_name: vDU
        software_version: '2.1'
        descriptor_version: 1.0
";
    const DF: &str = "topology_template:
  substitution_mappings:
    properties: {flavour_id: small}
  node_templates:
    VNF:
      properties: {flavour_description: one cell}
    VDU1:
      type: tosca.nodes.nfv.Vdu.Compute
      properties:
        name: du-ctrl
        vdu_profile: {min_number_of_instances: 1, max_number_of_instances: 1}
    VDU2:
      type: tosca.nodes.nfv.Vdu.Compute
      properties:
        name: du-worker
        vdu_profile: {min_number_of_instances: 1, max_number_of_instances: 4}
  policies:
    - aspects:
        type: tosca.policies.nfv.ScalingAspects
        properties:
          aspects:
            worker_aspect: {max_scale_level: 3, step_deltas: [delta_1]}
    - VDU2_initial:
        type: tosca.policies.nfv.VduInitialDelta
        properties: {initial_delta: {number_of_instances: 2}}
        targets: [VDU2]
    - VDU2_deltas:
        type: tosca.policies.nfv.VduScalingAspectDeltas
        properties: {aspect: worker_aspect, deltas: {delta_1: {number_of_instances: 1}}}
        targets: [VDU2]
";

    fn meta(chart_hash: &str) -> String {
        format!("TOSCA-Meta-File-Version: 1.0\nCSAR-Version: 1.1\nEntry-Definitions: Definitions/top.yaml\n\nName: Files/chart.tgz\nContent-Type: application/tar+gzip\nAlgorithm: SHA-256\nHash: {chart_hash}\n")
    }

    #[test]
    fn a_package_yields_its_vnfd_flavours_vdus_aspects_and_artifacts() {
        let chart = b"chart bytes";
        let bytes = zip_of(&[
            (META, meta(&hex(&Sha256::digest(chart))).as_bytes()),
            ("Definitions/top.yaml", TOP.as_bytes()),
            ("Definitions/df.yaml", DF.as_bytes()),
            ("Files/chart.tgz", chart),
        ]);
        let csar = read(bytes).unwrap();
        let v = &csar.vnfd;
        assert_eq!(v.vnfd_id, "5e1b3c1a-0000-4000-8000-00000000d0d0");
        assert_eq!(
            (v.provider.as_str(), v.product_name.as_str()),
            ("Example", "vDU")
        );
        assert_eq!(
            (v.software_version.as_str(), v.descriptor_version.as_str()),
            ("2.1", "1.0")
        );
        assert_eq!(v.files, ["Definitions/df.yaml", "Definitions/top.yaml"]);
        let f = v.flavour("small").unwrap();
        assert_eq!(f.description, "one cell");
        let worker = f.vdu("VDU2").unwrap();
        assert_eq!(
            (
                worker.name.as_str(),
                worker.initial_instances,
                worker.max_instances
            ),
            ("du-worker", 2, 4)
        );
        assert_eq!(f.vdu("VDU1").unwrap().initial_instances, 1);
        assert_eq!(f.aspects[0].id, "worker_aspect");
        assert_eq!(f.aspects[0].max_scale_level, 3);
        assert_eq!(f.aspects[0].step["VDU2"], 1);
        assert_eq!(csar.artifacts[0].path, "Files/chart.tgz");
    }

    #[test]
    fn what_is_wrong_is_named_with_its_file() {
        let chart = b"chart bytes";
        let good_meta = meta(&hex(&Sha256::digest(chart)));
        let cases: Vec<(Vec<u8>, &str, &str)> = vec![
            (b"not a zip".to_vec(), "package_content", "not a zip"),
            (zip_of(&[("a.yaml", b"x")]), META, "missing"),
            (
                zip_of(&[
                    (META, meta(&"0".repeat(64)).as_bytes()),
                    ("Files/chart.tgz", chart),
                ]),
                "Files/chart.tgz",
                "TOSCA.meta says",
            ),
            (
                zip_of(&[(META, good_meta.as_bytes()), ("Files/chart.tgz", chart)]),
                "Definitions/top.yaml",
                "not in the package",
            ),
            (
                zip_of(&[
                    (META, good_meta.as_bytes()),
                    ("Files/chart.tgz", chart),
                    ("Definitions/top.yaml", TOP.as_bytes()),
                ]),
                "Definitions/top.yaml",
                "imports 'df.yaml'",
            ),
            (
                zip_of(&[
                    (META, good_meta.as_bytes()),
                    ("Files/chart.tgz", chart),
                    ("Definitions/top.yaml", b"a: [unclosed"),
                ]),
                "Definitions/top.yaml",
                "not YAML",
            ),
        ];
        for (bytes, file, reason) in cases {
            let e = read(bytes).unwrap_err();
            assert_eq!(e.file, file, "{e}");
            assert!(e.reason.contains(reason), "{e}");
        }
    }
}
