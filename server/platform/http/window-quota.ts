import { createHmac, randomBytes } from 'node:crypto';

const MAX_TRACKED_CLIENTS = 100_000;

/**
 * How much each client (and everyone together) used in the current window: reports sent, bytes stored. Kept in
 * this process's memory only, keyed by a hash of the address under a key made at start (as FailureLimiter),
 * so nothing about a client is written anywhere and a restart forgets it.
 */
export class WindowQuota {
  private readonly salt = randomBytes(32);
  private readonly used = new Map<string, { amount: number; resetAt: number }>();

  constructor(private readonly options: { limit: number; windowMs: number; now?: () => number }) {}

  private key(client: string): string {
    return createHmac('sha256', this.salt).update(client).digest('base64url');
  }

  private entry(client: string) {
    const now = this.options.now?.() ?? Date.now();
    const key = this.key(client);
    let entry = this.used.get(key);
    if (!entry || entry.resetAt <= now) {
      this.used.delete(key);
      entry = { amount: 0, resetAt: now + this.options.windowMs };
      this.used.set(key, entry);
      if (this.used.size > MAX_TRACKED_CLIENTS) this.sweep(now);
    }
    return entry;
  }

  /** Takes `amount` from the client's share if it fits; false (and nothing taken) if it does not. */
  take(client: string, amount = 1): boolean {
    const entry = this.entry(client);
    if (entry.amount + amount > this.options.limit) return false;
    entry.amount += amount;
    return true;
  }

  /** Gives back what was taken for something that was not kept after all. */
  giveBack(client: string, amount = 1): void {
    const entry = this.entry(client);
    entry.amount = Math.max(0, entry.amount - amount);
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.used) if (entry.resetAt <= now) this.used.delete(key);
    for (const key of this.used.keys()) {
      if (this.used.size <= MAX_TRACKED_CLIENTS * 0.9) break;
      this.used.delete(key);
    }
  }
}
