//! `netweave serve` and `netweave worker` as real processes, killed with SIGKILL and started
//! again with the same flags, their output kept for the seed that fails.

use std::{
    fs::OpenOptions,
    path::PathBuf,
    process::{Child, Command, Stdio},
    time::Duration,
};

pub struct Proc {
    args: Vec<String>,
    env: Vec<(String, String)>,
    log: PathBuf,
    health: String,
    child: Option<Child>,
    pub starts: usize,
}

impl Proc {
    pub fn new(
        args: Vec<String>,
        env: Vec<(String, String)>,
        log: PathBuf,
        health: String,
    ) -> Proc {
        let mut proc = Proc {
            args,
            env,
            log,
            health,
            child: None,
            starts: 0,
        };
        proc.start();
        proc
    }

    pub fn start(&mut self) {
        if self.child.is_some() {
            return;
        }
        let out = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.log)
            .expect("log file");
        let child = Command::new(env!("CARGO_BIN_EXE_netweave"))
            .args(&self.args)
            .envs(self.env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .stdout(Stdio::from(out.try_clone().unwrap()))
            .stderr(Stdio::from(out))
            .spawn()
            .expect("netweave starts");
        self.child = Some(child);
        self.starts += 1;
    }

    /// SIGKILL, as a crash or an evicted pod.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    pub fn health_url(&self) -> String {
        self.health.clone()
    }
}

impl Drop for Proc {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Waits until `url` answers 200.
pub async fn ready(url: &str, within: Duration) -> bool {
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(1))
        .build()
        .unwrap();
    let deadline = std::time::Instant::now() + within;
    while std::time::Instant::now() < deadline {
        if let Ok(r) = client.get(url).send().await {
            if r.status().is_success() {
                return true;
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    false
}
