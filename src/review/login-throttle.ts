/**
 * Sign-in attempts, limited per name and per address: after
 * `FREE_FAILURES` failed attempts a key waits 2, 4, 8 … seconds (at most
 * 15 minutes) before the next attempt is heard, so guessing a password
 * costs days, not seconds. A success clears the name's count. In memory: a
 * restart forgets, which costs an attacker a restart they cannot cause.
 */
const FREE_FAILURES = 5;
const MAX_WAIT_MS = 15 * 60 * 1000;

interface Entry {
  failures: number;
  until: number;
}

export class LoginThrottle {
  readonly #entries = new Map<string, Entry>();

  /** Milliseconds the caller must wait before trying again (0: go on). */
  wait(keys: readonly string[], now = Date.now()): number {
    return Math.max(0, ...keys.map((k) => (this.#entries.get(k)?.until ?? 0) - now));
  }

  failed(keys: readonly string[], now = Date.now()): void {
    for (const k of keys) {
      const e = this.#entries.get(k) ?? { failures: 0, until: 0 };
      e.failures += 1;
      if (e.failures > FREE_FAILURES) e.until = now + Math.min(MAX_WAIT_MS, 1000 * 2 ** (e.failures - FREE_FAILURES));
      this.#entries.set(k, e);
    }
    if (this.#entries.size > 10_000) this.#forgetOld(now);
  }

  succeeded(key: string): void {
    this.#entries.delete(key);
  }

  #forgetOld(now: number): void {
    for (const [k, e] of this.#entries) if (e.until < now - MAX_WAIT_MS) this.#entries.delete(k);
  }
}

/**
 * Password hashing (scrypt) runs on libuv's thread pool, which file reads
 * share: a flood of sign-ins would stall every other request. At most
 * `running` hashes run at once and at most `queued` wait; beyond that a
 * sign-in is refused as busy at once.
 */
export class HashGate {
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(
    readonly running = 2,
    readonly queued = 32,
  ) {}

  /** Runs `work` when a slot is free: its result, or null when too many wait already. */
  async run<T>(work: () => Promise<T>): Promise<{ value: T } | null> {
    if (this.#running >= this.running) {
      if (this.#waiting.length >= this.queued) return null;
      await new Promise<void>((ok) => this.#waiting.push(ok));
    }
    this.#running++;
    try {
      return { value: await work() };
    } finally {
      this.#running--;
      this.#waiting.shift()?.();
    }
  }
}
