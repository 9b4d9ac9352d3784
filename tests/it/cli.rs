//! The `netweave` command line: every backend kind's flags reach its section, and `netweave
//! config` prints the effective configuration with every kind's section.
use std::process::Command;

fn netweave(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_netweave"))
        .args(args)
        .env_remove("NETWEAVE_BACKEND")
        .output()
        .expect("netweave runs")
}

#[test]
fn config_prints_every_kind_with_the_flags_and_environment_applied() {
    let out = Command::new(env!("CARGO_BIN_EXE_netweave"))
        .args([
            "config",
            "--sim-pools",
            "2",
            "--kubeconfig",
            "/etc/edge.kubeconfig",
        ])
        .env("NETWEAVE_ELECTION__LEASE_SECONDS", "7")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let config: toml::Value = toml::from_str(&String::from_utf8(out.stdout).unwrap()).unwrap();
    assert_eq!(config["backend"].as_str(), Some("simulator"));
    assert_eq!(config["sim"]["pools"].as_integer(), Some(2));
    assert_eq!(config["sim"]["resources"].as_integer(), Some(1000));
    assert_eq!(
        config["kubernetes"]["kubeconfig"].as_str(),
        Some("/etc/edge.kubeconfig")
    );
    assert_eq!(config["election"]["lease_seconds"].as_integer(), Some(7));
    assert_eq!(config["election"]["mode"].as_str(), Some("auto"));
}

#[test]
fn an_unknown_kind_or_key_stops_with_a_message_naming_it() {
    let out = netweave(&["config", "--backend", "vsphere"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("unknown backend kind 'vsphere': the kinds are simulator, kubernetes"),
        "{err}"
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("netweave.toml");
    std::fs::write(&file, "[simulator]\npools = 2\n").unwrap();
    let out = netweave(&["config", "--config", file.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("unknown configuration key 'simulator'"),
        "{err}"
    );
}
