/** A real `netweave serve` on a free loopback port, embedded stores, for the SDK tests. */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Code, ConnectError } from "@connectrpc/connect";
import type { Client } from "../src/index.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
export const BINARY = process.env.NW_BINARY ?? join(ROOT, "target", "debug", "netweave");
export const SECRET = "whsec_c2RrLXRlc3Qtc2VjcmV0LWtleS0zMg==";
/** Every watch is cut off after this many events (the server's lag path). */
export const CUT_EVERY = "3";

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const port = (server.address() as { port: number }).port;
  server.close();
  await once(server, "close");
  return port;
}

export class Gateway {
  process?: ChildProcess;
  constructor(
    readonly dataDir: string,
    readonly port: number,
    readonly options: { env?: Record<string, string>; args?: string[]; scheme?: string } = {},
  ) {}

  static async start(dataDir: string, options: Gateway["options"] & { port?: number } = {}): Promise<Gateway> {
    const gw = new Gateway(dataDir, options.port ?? (await freePort()), options);
    gw.process = spawn(
      BINARY,
      [
        "serve", "--listen", `127.0.0.1:${gw.port}`, "--data-dir", dataDir,
        "--sim-pools", "5", "--sim-resources", "20", "--webhook-secret", SECRET,
        "--callback-allow", "127.0.0.0/8", ...(options.args ?? []),
      ],
      {
        stdio: ["ignore", "inherit", "inherit"],
        env: {
          ...process.env,
          NW_TEST_WATCH_CUT_EVERY: CUT_EVERY,
          NETWEAVE_EVENTS__HEARTBEAT_SECONDS: "0.2",
          NETWEAVE_WEBHOOKS__VERIFY_CALLBACKS: "true",
          NETWEAVE_WEBHOOKS__BASE_DELAY_MS: "50",
          RUST_LOG: "error",
          ...(options.env ?? {}),
        },
      },
    );
    return gw;
  }

  get url(): string {
    return `${this.options.scheme ?? "http"}://127.0.0.1:${this.port}`;
  }

  /** Until the gateway answers (or fails, saying why). */
  async wait(client: Client): Promise<void> {
    for (let i = 0; i < 400; i++) {
      if (this.process?.exitCode !== null) throw new Error("the gateway exited");
      try {
        await client.getCloudInfo();
        return;
      } catch (e) {
        const code = ConnectError.from(e).code;
        if (code !== Code.Unavailable && code !== Code.Unknown && code !== Code.Internal) return;
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`${this.url} never answered`);
  }

  async stop(): Promise<void> {
    const p = this.process;
    if (p === undefined) return;
    this.process = undefined;
    const exited = p.exitCode !== null ? Promise.resolve() : once(p, "exit");
    p.kill("SIGTERM");
    await exited;
    if (p.exitCode !== 0) throw new Error(`the gateway stopped with ${p.exitCode ?? p.signalCode}`);
  }
}

/** A gateway serving TLS with the dev certificates, requiring a bearer token from their test
 * identity provider; `url` names `localhost`, as the dev server certificate does. */
export async function secured(scratch: string): Promise<{ gw: Gateway; url: string; ca: Buffer; token: string }> {
  const certs = join(scratch, "certs");
  execFileSync(BINARY, ["dev-certs", certs], { stdio: "ignore" });
  const gw = await Gateway.start(join(scratch, "data"), {
    scheme: "https",
    args: [
      "--tls-cert", join(certs, "server.pem"), "--tls-key", join(certs, "server.key"),
      "--auth-jwks-uri", `file://${join(certs, "jwks.json")}`, "--auth-audience", "netweave-dev",
    ],
  });
  const ca = readFileSync(join(certs, "ca.pem"));
  const token = readFileSync(join(certs, "token"), "utf8").trim();
  return { gw, url: `https://localhost:${gw.port}`, ca, token };
}
