//! The `netweave` command: `netweave serve [flags]`.
#![forbid(unsafe_code)]

use clap::{Parser, Subcommand};
use netweave::{
    app::{self, Listeners},
    backend::registry,
    config::{Config, ServeArgs},
    telemetry,
};
use tokio_util::sync::CancellationToken;

#[derive(Parser)]
#[command(name = "netweave", version, about = "O-RAN O2-IMS control plane")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the O2-IMS APIs over gRPC and REST.
    Serve(CommandFlags),
    /// Run webhook delivery workers only (scale out by running more); needs --redis-url.
    Worker(CommandFlags),
    /// Print the effective configuration (defaults, file, environment, flags) as TOML.
    Config(CommandFlags),
    /// Exit 0 when URL answers 2xx, else 1: a probe for images without a shell or curl.
    Health {
        #[arg(default_value = "http://127.0.0.1:8080/readyz")]
        url: String,
        /// PEM CA bundle to verify an https URL with.
        #[arg(long)]
        ca: Option<std::path::PathBuf>,
        /// Seconds to wait for the answer.
        #[arg(long, default_value_t = 5.0)]
        timeout: f64,
    },
    /// Print the OpenAPI document the gateway serves at /openapi.json, without starting it.
    Openapi,
    /// Write a local CA, a server certificate for localhost, a client certificate, a JWKS and
    /// an admin bearer token into DIR, for trying TLS, mTLS and tokens (not for production).
    DevCerts {
        /// Directory to write ca.pem, server.pem/.key, client.pem/.key, jwks.json and token into.
        #[arg(default_value = "dev-certs")]
        dir: std::path::PathBuf,
    },
}

/// The flags of the configuration and those of every backend kind.
#[derive(clap::Args)]
struct CommandFlags {
    #[command(flatten)]
    config: ServeArgs,
    #[command(flatten)]
    backends: registry::BackendFlags,
}

impl CommandFlags {
    fn args(self) -> ServeArgs {
        ServeArgs {
            settings: self.backends.settings(),
            ..self.config
        }
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Serve(flags) => {
            let config = Config::load(&flags.args())?;
            let _telemetry = telemetry::init(config.log_format, &config.log_level);
            let listeners = Listeners::bind(&config).await?;
            let shutdown = CancellationToken::new();
            tokio::spawn(stop_on_signal(shutdown.clone()));
            app::run(config, listeners, shutdown).await
        }
        Command::Worker(flags) => {
            let config = Config::load_worker(&flags.args())?;
            let _telemetry = telemetry::init(config.log_format, &config.log_level);
            let listeners = Listeners::bind_worker(&config).await?;
            let shutdown = CancellationToken::new();
            tokio::spawn(stop_on_signal(shutdown.clone()));
            app::run_worker(config, listeners, shutdown).await
        }
        Command::Config(flags) => {
            let config = registry::with_defaults(Config::load(&flags.args())?);
            registry::check(&config)?;
            print!("{}", toml::to_string_pretty(&config)?);
            Ok(())
        }
        Command::Health { url, ca, timeout } => {
            let mut client = reqwest::Client::builder()
                .timeout(std::time::Duration::from_secs_f64(timeout))
                .use_rustls_tls();
            if let Some(ca) = ca {
                for cert in reqwest::Certificate::from_pem_bundle(&std::fs::read(&ca)?)? {
                    client = client.add_root_certificate(cert);
                }
            }
            let status = client.build()?.get(&url).send().await?.status();
            if !status.is_success() {
                anyhow::bail!("{url} answered {status}");
            }
            println!("{url}: {status}");
            Ok(())
        }
        Command::Openapi => {
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            match writeln!(out, "{}", netweave::http::openapi_document()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
                _ => Ok(()),
            }
        }
        Command::DevCerts { dir } => {
            netweave::security::devcerts::write_dev_certs(&dir)?;
            println!(
                "wrote {0}/ca.pem, {0}/server.pem, {0}/server.key, {0}/client.pem, {0}/client.key, \
                 {0}/jwks.json and {0}/token (--auth-jwks-uri file://{0}/jwks.json --auth-audience {1})",
                dir.display(),
                netweave::security::devcerts::DEV_AUDIENCE
            );
            Ok(())
        }
    }
}

async fn stop_on_signal(shutdown: CancellationToken) {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down");
    shutdown.cancel();
}
