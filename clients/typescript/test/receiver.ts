/** An SMO's notification endpoint that verifies with the SDK's helper. */
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import { webhooks } from "../src/index.js";
import { SECRET } from "./gateway.js";

export class Receiver {
  notifications: webhooks.InventoryChangeNotification[] = [];
  tamperedRefused = 0;
  verifications = 0;
  private server?: Server;
  url = "";

  async start(): Promise<Receiver> {
    this.server = createServer((req, res) => {
      if (req.method === "GET") {
        this.verifications++;
        res.writeHead(webhooks.VERIFICATION_STATUS).end();
        return;
      }
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = Buffer.concat(chunks);
        const tampered = Buffer.from(body);
        tampered[1] ^= 1;
        let refused = false;
        try {
          webhooks.verify(tampered, req.headers, [SECRET]);
        } catch (e) {
          refused = e instanceof webhooks.VerifyError;
        }
        try {
          this.notifications.push(webhooks.verify(body, req.headers, [SECRET]));
        } catch {
          res.writeHead(401).end();
          return;
        }
        this.tamperedRefused += Number(refused);
        res.writeHead(204).end();
      });
    });
    this.server.listen(0, "127.0.0.1");
    await once(this.server, "listening");
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}/notify`;
    return this;
  }

  /** Until `n` notifications arrived (10 s at most). */
  async received(n: number): Promise<void> {
    for (let i = 0; i < 200 && this.notifications.length < n; i++) await new Promise((r) => setTimeout(r, 50));
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    this.server?.close();
  }
}
