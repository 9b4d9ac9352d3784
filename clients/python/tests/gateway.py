"""A real `netweave serve` on a free loopback port, embedded stores, for the SDK tests."""

from __future__ import annotations

import os
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import grpc

import netweave_client as nw

ROOT = Path(__file__).resolve().parents[3]
BINARY = os.environ.get("NW_BINARY", str(ROOT / "target" / "debug" / "netweave"))
SECRET = "whsec_c2RrLXRlc3Qtc2VjcmV0LWtleS0zMg=="
#: Every watch is cut off after this many events (the server's lag path).
CUT_EVERY = "3"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Gateway:
    def __init__(self, data_dir: Path, port: int | None = None, env: dict[str, str] | None = None,
                 args: list[str] | None = None, scheme: str = "http") -> None:
        self.data_dir = data_dir
        self.port = port or free_port()
        self.scheme = scheme
        self.env = {
            **os.environ,
            "NW_TEST_WATCH_CUT_EVERY": CUT_EVERY,
            "NETWEAVE_EVENTS__HEARTBEAT_SECONDS": "0.2",
            "NETWEAVE_WEBHOOKS__VERIFY_CALLBACKS": "true",
            "NETWEAVE_WEBHOOKS__BASE_DELAY_MS": "50",
            "RUST_LOG": "warn",
            **(env or {}),
        }
        self.args = args or []
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}"

    def start(self) -> Gateway:
        self.process = subprocess.Popen(
            [BINARY, "serve", "--listen", f"127.0.0.1:{self.port}", "--data-dir", str(self.data_dir),
             "--sim-pools", "5", "--sim-resources", "20", "--webhook-secret", SECRET,
             "--callback-allow", "127.0.0.0/8", *self.args],
            env=self.env,
        )
        return self

    def wait(self, client: nw.Client) -> None:
        """Until the gateway answers (or fails, saying why)."""
        for _ in range(400):
            assert self.process is not None and self.process.poll() is None, "the gateway exited"
            try:
                client.get_cloud_info()
                return
            except grpc.RpcError as e:
                if e.code() not in (grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.UNKNOWN):
                    return
            time.sleep(0.025)
        raise AssertionError(f"{self.url} never answered")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            assert self.process.wait(timeout=15) == 0, "the gateway stopped cleanly"
            self.process = None


@dataclass
class Secured:
    """A gateway serving TLS with the dev certificates, requiring a bearer token from their
    test identity provider."""

    gateway: Gateway
    #: ``https://localhost:PORT`` (the name the dev server certificate carries).
    url: str
    ca: bytes
    token: str


def secured(tmp_path: Path) -> Secured:
    certs = tmp_path / "certs"
    subprocess.run([BINARY, "dev-certs", str(certs)], check=True, capture_output=True)
    gw = Gateway(
        tmp_path / "data",
        scheme="https",
        args=[
            "--tls-cert", str(certs / "server.pem"), "--tls-key", str(certs / "server.key"),
            "--auth-jwks-uri", f"file://{certs / 'jwks.json'}", "--auth-audience", "netweave-dev",
        ],
    ).start()
    return Secured(gw, f"https://localhost:{gw.port}", (certs / "ca.pem").read_bytes(),
                   (certs / "token").read_text().strip())
