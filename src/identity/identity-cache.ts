import pg from "pg";
import type { Logger } from "../logger.js";

/** How long a looked-up identity is reused at most, should a change notification ever be missed. */
export const IDENTITY_TTL_MS = 30_000;
/** Waits between attempts to listen again after the notification connection is lost. */
const RECONNECT_MS = 1_000;

/**
 * Who a credential is (an API key's row, a user's membership), remembered for a few seconds so
 * a request does not look it up again. Any committed change to the identity tables (the
 * `identity_changed` notification of their triggers) forgets everything, on every instance.
 * While this process is not listening (before it connects, after the connection drops) nothing
 * is remembered, so a change can never be missed.
 */
export class IdentityCache<T> {
  private entries = new Map<string, { value: T; until: number }>();
  /** Counts forgets: a look-up that began before one must not store what it read. */
  private generation = 0;
  private listening = false;

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until > Date.now()) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  /**
   * Looks `key` up with `load` unless remembered; stores the answer when `keep` agrees and
   * nothing changed meanwhile.
   */
  async through(key: string, load: () => Promise<T>, keep: (value: T) => boolean = () => true): Promise<T> {
    const cached = this.get(key);
    if (cached !== undefined) return cached;
    const generation = this.generation;
    const value = await load();
    if (this.listening && generation === this.generation && keep(value)) {
      this.entries.set(key, { value, until: Date.now() + IDENTITY_TTL_MS });
    }
    return value;
  }

  forgetAll(): void {
    this.generation++;
    this.entries.clear();
  }

  setListening(listening: boolean): void {
    this.listening = listening;
    this.forgetAll();
  }
}

/**
 * Keeps one connection LISTENing on `identity_changed` and forgets the caches on every
 * notification; reconnects after losing it (the caches stay off meanwhile). Returns `stop`.
 */
export function listenForIdentityChanges(
  connectionString: string,
  caches: IdentityCache<unknown>[],
  log: Logger,
): () => Promise<void> {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const setListening = (on: boolean) => {
    for (const cache of caches) cache.setListening(on);
  };
  const connect = async () => {
    const current = new pg.Client({ connectionString });
    client = current;
    const lost = (error?: Error) => {
      if (client !== current) return;
      client = undefined;
      setListening(false);
      if (stopped) return;
      log.warn({ err: error }, "identity change notifications lost; looking identities up on every request until back");
      current.end().catch(() => {});
      retry = setTimeout(() => void connect(), RECONNECT_MS);
    };
    current.on("error", lost);
    current.on("end", () => lost());
    current.on("notification", () => {
      for (const cache of caches) cache.forgetAll();
    });
    try {
      await current.connect();
      await current.query("LISTEN identity_changed");
      if (client === current && !stopped) setListening(true);
    } catch (error) {
      lost(error as Error);
    }
  };
  void connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    setListening(false);
    const current = client;
    client = undefined;
    await current?.end().catch(() => {});
  };
}
