//! Realistic objects for the fake API server: worker and control-plane nodes as kubelets
//! report them (labels, capacity, allocatable, addresses, conditions, node info), OpenShift
//! MachineSets, Cluster API MachineDeployments and StorageClasses.

use serde_json::{json, Value};

/// The node-pool label the fixtures (and netweave's default configuration) use.
pub const POOL_LABEL: &str = "cluster.x-k8s.io/deployment-name";

/// A node named `name` in `pool` of `instance_type`, Ready and schedulable.
pub fn node(name: &str, pool: &str, instance_type: &str) -> Value {
    json!({
        "metadata": {
            "name": name,
            "labels": {
                "kubernetes.io/hostname": name,
                "kubernetes.io/os": "linux",
                "kubernetes.io/arch": "amd64",
                "node-role.kubernetes.io/worker": "",
                "node.kubernetes.io/instance-type": instance_type,
                "topology.kubernetes.io/zone": "zone-a",
                POOL_LABEL: pool,
            },
            "annotations": {"node.alpha.kubernetes.io/ttl": "0"},
        },
        "spec": {"providerID": format!("baremetal:///{name}"), "podCIDR": "10.128.2.0/24"},
        "status": {
            "capacity": {"cpu": "64", "memory": "263879284Ki", "pods": "250", "ephemeral-storage": "936810048Ki"},
            "allocatable": {"cpu": "63500m", "memory": "262728308Ki", "pods": "250", "ephemeral-storage": "863358878109"},
            "addresses": [
                {"type": "InternalIP", "address": "10.0.0.10"},
                {"type": "Hostname", "address": name},
            ],
            "conditions": [
                {"type": "MemoryPressure", "status": "False", "reason": "KubeletHasSufficientMemory", "lastHeartbeatTime": "2026-11-23T10:00:00Z", "lastTransitionTime": "2026-11-01T10:00:00Z"},
                {"type": "DiskPressure", "status": "False", "reason": "KubeletHasNoDiskPressure", "lastHeartbeatTime": "2026-11-23T10:00:00Z", "lastTransitionTime": "2026-11-01T10:00:00Z"},
                {"type": "PIDPressure", "status": "False", "reason": "KubeletHasSufficientPID", "lastHeartbeatTime": "2026-11-23T10:00:00Z", "lastTransitionTime": "2026-11-01T10:00:00Z"},
                {"type": "Ready", "status": "True", "reason": "KubeletReady", "lastHeartbeatTime": "2026-11-23T10:00:00Z", "lastTransitionTime": "2026-11-01T10:00:00Z"},
            ],
            "nodeInfo": {
                "machineID": "4c4c4544004a",
                "systemUUID": format!("{:x}", md5ish(name)),
                "bootID": "b1",
                "kernelVersion": "5.14.0-427.el9.x86_64",
                "osImage": "Red Hat Enterprise Linux CoreOS 9.4",
                "containerRuntimeVersion": "cri-o://1.33.1",
                "kubeletVersion": "v1.33.2",
                "kubeProxyVersion": "v1.33.2",
                "operatingSystem": "linux",
                "architecture": "amd64",
            },
        },
    })
}

/// A stable pseudo-serial from a name.
fn md5ish(name: &str) -> u64 {
    name.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

/// An OpenShift MachineSet of `replicas` machines of `instance_type`.
pub fn machine_set(name: &str, replicas: u64, instance_type: &str) -> Value {
    json!({
        "metadata": {"name": name, "namespace": "openshift-machine-api",
            "labels": {"machine.openshift.io/cluster-api-cluster": "ocp"}},
        "spec": {
            "replicas": replicas,
            "selector": {"matchLabels": {"machine.openshift.io/cluster-api-machineset": name}},
            "template": {
                "metadata": {"labels": {"machine.openshift.io/cluster-api-machineset": name}},
                "spec": {"providerSpec": {"value": {"instanceType": instance_type}}},
            },
        },
        "status": {"replicas": replicas, "readyReplicas": replicas, "availableReplicas": replicas},
    })
}

/// An OpenShift Machine of `machine_set`, running as `node` (no node yet: `None`).
pub fn machine(name: &str, machine_set: &str, node: Option<&str>) -> Value {
    let mut machine = json!({
        "metadata": {"name": name, "namespace": "openshift-machine-api",
            "labels": {"machine.openshift.io/cluster-api-machineset": machine_set}},
        "spec": {"providerSpec": {"value": {"instanceType": "m5.2xlarge"}}},
        "status": {"phase": "Provisioning"},
    });
    if let Some(node) = node {
        machine["status"] = json!({"phase": "Running", "nodeRef": {"kind": "Node", "name": node}});
    }
    machine
}

/// A Cluster API MachineDeployment.
pub fn machine_deployment(name: &str, replicas: u64) -> Value {
    json!({
        "metadata": {"name": name, "namespace": "default"},
        "spec": {"clusterName": "capi", "replicas": replicas,
            "template": {"spec": {"clusterName": "capi", "version": "v1.33.2"}}},
        "status": {"replicas": replicas, "readyReplicas": replicas},
    })
}

/// A StorageClass with its provisioner and parameters.
pub fn storage_class(name: &str, provisioner: &str, default: bool) -> Value {
    json!({
        "metadata": {"name": name, "annotations": {
            "storageclass.kubernetes.io/is-default-class": default.to_string()}},
        "provisioner": provisioner,
        "parameters": {"type": "ssd"},
        "reclaimPolicy": "Delete",
        "volumeBindingMode": "WaitForFirstConsumer",
        "allowVolumeExpansion": true,
    })
}

/// The template of a VNF chart's Deployment as `helm create` writes them: named after its VDU
/// and the release (so that several releases share a namespace; the VDU's name is the prefix,
/// as Tacker maps them), its pods labelled with the release (`app.kubernetes.io/instance`),
/// its replicas the value `REPLICAS`.
const VNF_DEPLOYMENT: &str = r#"apiVersion: apps/v1
kind: Deployment
metadata:
  name: NAME-{{ .Release.Name }}
  labels: {app.kubernetes.io/instance: "{{ .Release.Name }}"}
spec:
  replicas: {{ .Values.REPLICAS }}
  selector:
    matchLabels: {app.kubernetes.io/instance: "{{ .Release.Name }}", app.kubernetes.io/name: NAME}
  template:
    metadata:
      labels: {app.kubernetes.io/instance: "{{ .Release.Name }}", app.kubernetes.io/name: NAME}
    spec:
      containers: [{name: NAME, image: "registry.example/vnf:1"}]
"#;

/// A chart template of the Deployment `name` whose replicas are the value `replicas`.
pub fn vnf_deployment(name: &str, replicas: &str) -> String {
    VNF_DEPLOYMENT
        .replace("NAME", name)
        .replace("REPLICAS", replicas)
}

/// A gzipped tar of `files` (path, text): a Helm chart archive as `helm package` makes it.
pub fn chart_archive(files: &[(&str, &str)]) -> Vec<u8> {
    let mut tar = tar::Builder::new(flate2::write::GzEncoder::new(
        Vec::new(),
        flate2::Compression::fast(),
    ));
    for (path, text) in files {
        let mut header = tar::Header::new_gnu();
        header.set_size(text.len() as u64);
        header.set_mode(0o644);
        header.set_cksum();
        tar.append_data(&mut header, path, text.as_bytes())
            .expect("writing to memory");
    }
    tar.into_inner()
        .and_then(|gz| gz.finish())
        .expect("writing to memory")
}
