/**
 * Receiving notifications: verify the signature, parse the body, answer the verification GET.
 *
 * netweave signs every notification with Standard Webhooks (`webhook-id`,
 * `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`,
 * one signature per secret while secrets rotate) and with the hex `X-O2IMS-Signature`
 * (HMAC-SHA256 of the body with the first secret). `verify` accepts either, in constant time,
 * and refuses a Standard Webhooks timestamp more than five minutes away.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

/** The status that answers the subscription verification GET (O2ims: 204 No Content). */
export const VERIFICATION_STATUS = 204;

/** Largest distance, in seconds, between a Standard Webhooks timestamp and now. */
export const TOLERANCE_SECONDS = 300;

/** The notification is unsigned, wrongly signed, stale, or not a notification. */
export class VerifyError extends Error {
  override name = "VerifyError";
}

/** The O2ims `InventoryChangeNotification`. */
export interface InventoryChangeNotification {
  notificationId: string;
  /** 0 create, 1 modify, 2 delete. */
  notificationEventType: number;
  objectRef: string;
  consumerSubscriptionId?: string;
  priorObjectState?: Record<string, unknown>;
  postObjectState?: Record<string, unknown>;
}

/** Request headers: a fetch `Headers`, or Node's `IncomingHttpHeaders`-like record. */
export type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as Headers).get === "function") {
    return (headers as Headers).get(name) ?? undefined;
  }
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() === name) return Array.isArray(v) ? v.join(" ") : v;
  }
  return undefined;
}

function key(secret: string): Buffer {
  const b64 = secret.startsWith("whsec_") ? secret.slice("whsec_".length) : undefined;
  if (b64 === undefined || b64 === "" || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) {
    throw new VerifyError("the webhook secret is not 'whsec_' followed by base64");
  }
  return Buffer.from(b64, "base64");
}

function same(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Checks the signature of a notification against any of `secrets` (`whsec_…`). */
export function verifySignature(
  body: Uint8Array | string,
  headers: HeaderSource,
  secrets: readonly string[],
  nowSeconds: number = Date.now() / 1000,
): void {
  const keys = secrets.map(key);
  const raw = typeof body === "string" ? Buffer.from(body) : Buffer.from(body);
  const signatures = header(headers, "webhook-signature");
  if (signatures !== undefined) {
    const id = header(headers, "webhook-id") ?? "";
    const tsText = header(headers, "webhook-timestamp") ?? "";
    if (!/^\d+$/.test(tsText)) throw new VerifyError("the webhook-timestamp is missing or malformed");
    const ts = Number(tsText);
    if (Math.abs(ts - nowSeconds) > TOLERANCE_SECONDS) {
      throw new VerifyError("the webhook-timestamp is more than five minutes away");
    }
    const signed = Buffer.concat([Buffer.from(`${id}.${ts}.`), raw]);
    for (const k of keys) {
      const want = createHmac("sha256", k).update(signed).digest();
      for (const sig of signatures.split(" ")) {
        if (sig.startsWith("v1,") && same(Buffer.from(sig.slice(3), "base64"), want)) return;
      }
    }
    throw new VerifyError("no signature matches");
  }
  const hex = header(headers, "x-o2ims-signature")?.trim();
  if (hex !== undefined) {
    const got = /^([0-9a-fA-F]{2})+$/.test(hex) ? Buffer.from(hex, "hex") : Buffer.alloc(0);
    for (const k of keys) {
      if (same(got, createHmac("sha256", k).update(raw).digest())) return;
    }
    throw new VerifyError("no signature matches");
  }
  throw new VerifyError("no signature header (webhook-signature or x-o2ims-signature)");
}

/** Parses a notification body; throws `VerifyError` when it is not one. */
export function parseNotification(body: Uint8Array | string): InventoryChangeNotification {
  let d: Record<string, unknown>;
  try {
    d = JSON.parse(typeof body === "string" ? body : Buffer.from(body).toString("utf8"));
  } catch (e) {
    throw new VerifyError(`the body is not an InventoryChangeNotification: ${String(e)}`);
  }
  const id = d?.notificationId;
  const type = d?.notificationEventType;
  const ref = d?.objectRef;
  if (typeof id !== "string" || typeof ref !== "string" || !Number.isInteger(Number(type))) {
    throw new VerifyError("the body is not an InventoryChangeNotification: a required field is missing");
  }
  const n: InventoryChangeNotification = {
    notificationId: id,
    notificationEventType: Number(type),
    objectRef: ref,
  };
  if (typeof d.consumerSubscriptionId === "string") n.consumerSubscriptionId = d.consumerSubscriptionId;
  if (d.priorObjectState && typeof d.priorObjectState === "object") {
    n.priorObjectState = d.priorObjectState as Record<string, unknown>;
  }
  if (d.postObjectState && typeof d.postObjectState === "object") {
    n.postObjectState = d.postObjectState as Record<string, unknown>;
  }
  return n;
}

/** Verifies a notification and parses it; throws `VerifyError`. */
export function verify(
  body: Uint8Array | string,
  headers: HeaderSource,
  secrets: readonly string[],
  nowSeconds?: number,
): InventoryChangeNotification {
  verifySignature(body, headers, secrets, nowSeconds);
  return parseNotification(body);
}
