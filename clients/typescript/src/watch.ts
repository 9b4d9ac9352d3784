/**
 * Watch: the event stream followed for as long as the caller reads it.
 *
 * The cursor advances with every event and heartbeat. A cut-off (RESOURCE_EXHAUSTED) resumes
 * from the cursor in the `x-netweave-resume-cursor` trailer; a dropped connection or a server
 * that went away (UNAVAILABLE, UNKNOWN, a stream that just ends) reconnects with backoff from
 * the last cursor, so no event is lost or repeated. OUT_OF_RANGE (the cursor is older than the
 * server retains) ends the watch with `ResyncRequired`.
 */
import { create } from "@bufbuild/protobuf";
import { Code, ConnectError, type Client as RpcClient } from "@connectrpc/connect";
import {
  type Event,
  EventService,
  type WatchResponse,
  WatchRequestSchema,
} from "./gen/netweave/events/v1/events_pb.js";
import { type Retry, sleep } from "./retry.js";

/** Trailer naming the cursor to resume from. */
export const RESUME_CURSOR = "x-netweave-resume-cursor";

/** Consecutive failed reconnections after which the watch gives up with the last status. */
export const MAX_FAILED_RECONNECTS = 20;

const RECONNECTABLE = new Set([Code.Unavailable, Code.Unknown, Code.Canceled, Code.Aborted, Code.Internal]);

/** The cursor is older than the server retains: list afresh, then watch from `latest`. */
export class ResyncRequired extends Error {
  override name = "ResyncRequired";
  constructor(
    readonly requested: bigint,
    readonly latest: bigint,
  ) {
    super(
      `resync required: cursor ${requested} is no longer retained; list afresh, then watch from cursor ${latest}`,
    );
  }
}

export interface WatchSelector {
  /** Glob over event types (`o2ims.Resource.*`); empty: all. */
  typePattern?: string;
  /** O-RAN filter over the event and the changed object; empty: all. */
  filter?: string;
}

function trailerCursor(e: ConnectError): bigint | undefined {
  const v = e.metadata.get(RESUME_CURSOR);
  return v !== null && /^\d+$/.test(v) ? BigInt(v) : undefined;
}

/** A followed event stream: `for await` the events; `cursor` is what to persist. */
export class Watch implements AsyncIterableIterator<Event> {
  /** How many times the watch resumed (after a cut-off or a dropped connection). */
  resumes = 0;
  private stream?: AsyncIterator<WatchResponse>;
  private abort?: AbortController;
  private failures = 0;
  private done = false;

  constructor(
    private readonly events: RpcClient<typeof EventService>,
    private readonly retry: Retry,
    private readonly selector: WatchSelector,
    public cursor: bigint,
  ) {}

  private open(): AsyncIterator<WatchResponse> {
    this.abort = new AbortController();
    const request = create(WatchRequestSchema, {
      typePattern: this.selector.typePattern ?? "",
      filter: this.selector.filter ?? "",
      resumeCursor: this.cursor,
    });
    // No deadline: a watch lasts as long as it is read. The token is read again here.
    return this.events.watch(request, { signal: this.abort.signal })[Symbol.asyncIterator]();
  }

  private async backoff(error: unknown): Promise<void> {
    this.failures++;
    if (this.failures > MAX_FAILED_RECONNECTS) {
      this.done = true;
      throw error;
    }
    await sleep(Math.max(50, this.retry.delayMs(this.failures - 1)));
  }

  /** Resumes or reconnects after `error`, or throws what ends the watch. */
  private async ended(error: ConnectError): Promise<void> {
    const resume = trailerCursor(error);
    if (error.code === Code.ResourceExhausted && resume !== undefined) {
      this.cursor = resume;
      this.resumes++;
    } else if (error.code === Code.OutOfRange) {
      this.done = true;
      throw new ResyncRequired(this.cursor, resume ?? 0n);
    } else if (RECONNECTABLE.has(error.code)) {
      await this.backoff(error);
      this.resumes++;
    } else {
      this.done = true;
      throw error;
    }
  }

  /**
   * Reads one item of the stream: the event, or `undefined` after a heartbeat or a resume
   * (the cursor has advanced or the stream reopened). Returns `null` once the watch ended.
   */
  async step(): Promise<Event | undefined | null> {
    if (this.done) return null;
    this.stream ??= this.open();
    let r: IteratorResult<WatchResponse>;
    try {
      r = await this.stream.next();
    } catch (e) {
      this.stream = undefined;
      if (this.done) return null;
      await this.ended(ConnectError.from(e));
      return undefined;
    }
    if (r.done) {
      // The server closed the stream without an error (it is shutting down).
      this.stream = undefined;
      await this.backoff(new Error("the stream ended"));
      return undefined;
    }
    const item = r.value.item;
    if (item.case === "event") {
      this.failures = 0;
      this.cursor = item.value.cursor;
      return item.value;
    }
    if (item.case === "heartbeat") {
      this.failures = 0;
      this.cursor = item.value.cursor;
    }
    return undefined;
  }

  async next(): Promise<IteratorResult<Event>> {
    for (;;) {
      const event = await this.step();
      if (event === null) return { done: true, value: undefined };
      if (event !== undefined) return { done: false, value: event };
    }
  }

  /** Ends the watch (a `for await` that breaks out calls this). */
  async return(): Promise<IteratorResult<Event>> {
    this.close();
    return { done: true, value: undefined };
  }

  [Symbol.asyncIterator](): Watch {
    return this;
  }

  close(): void {
    this.done = true;
    this.abort?.abort();
    this.stream = undefined;
  }
}
