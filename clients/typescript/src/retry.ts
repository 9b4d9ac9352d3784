/**
 * Retries: reads on UNAVAILABLE, at most 4 tries, exponential backoff from 100 ms capped at
 * 2 s, each delay a random 50–100 % of its ceiling. Writes only when asked (a write that
 * timed out may have happened).
 */
import { Code, ConnectError } from "@connectrpc/connect";

export interface RetryOptions {
  tries?: number;
  baseMs?: number;
  capMs?: number;
  /** Retry writes too. */
  writes?: boolean;
}

export class Retry {
  readonly tries: number;
  readonly baseMs: number;
  readonly capMs: number;
  readonly writes: boolean;

  constructor(options: RetryOptions = {}) {
    this.tries = options.tries ?? 4;
    this.baseMs = options.baseMs ?? 100;
    this.capMs = options.capMs ?? 2000;
    this.writes = options.writes ?? false;
  }

  /** The delay before retry number `attempt` (0-based), in milliseconds. */
  delayMs(attempt: number): number {
    const ceiling = Math.min(this.capMs, this.baseMs * 2 ** attempt);
    return ceiling * (0.5 + Math.random() / 2);
  }

  async run<T>(write: boolean, call: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (e) {
        const code = ConnectError.from(e).code;
        const retryable = code === Code.Unavailable && (this.writes || !write);
        if (!retryable || attempt >= this.tries) throw e;
        await sleep(this.delayMs(attempt - 1));
      }
    }
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
