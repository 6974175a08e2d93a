import { createHmac, randomBytes } from 'node:crypto';

// Enough clients for a busy day; past it the oldest windows are dropped, so memory stays bounded under a flood.
const MAX_TRACKED_CLIENTS = 100_000;

/**
 * How much each client used in the current window: reports sent, bytes stored, failures. Kept in this process's
 * memory only, keyed by a hash of the address under a key made at start and never stored, so not even memory
 * holds an address, nothing about a client is written anywhere, and a restart forgets it.
 */
export class WindowQuota {
  private readonly salt = randomBytes(32);
  private readonly usage = new Map<string, { amount: number; resetAt: number }>();

  constructor(private readonly options: { limit: number; windowMs: number; now?: () => number }) {}

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  private key(client: string): string {
    return createHmac('sha256', this.salt).update(client).digest('base64url');
  }

  private entry(client: string) {
    const now = this.now();
    const key = this.key(client);
    let entry = this.usage.get(key);
    if (!entry || entry.resetAt <= now) {
      this.usage.delete(key);
      entry = { amount: 0, resetAt: now + this.options.windowMs };
      this.usage.set(key, entry);
      if (this.usage.size > MAX_TRACKED_CLIENTS) this.sweep(now);
    }
    return entry;
  }

  /** What the client used in its current window; reading starts no window. */
  used(client: string): number {
    const entry = this.usage.get(this.key(client));
    return entry && entry.resetAt > this.now() ? entry.amount : 0;
  }

  /** Whether the client has used all of its share. */
  isSpent(client: string): boolean {
    return this.used(client) >= this.options.limit;
  }

  /** Takes `amount` from the client's share if it fits; false (and nothing taken) if it does not. */
  take(client: string, amount = 1): boolean {
    const entry = this.entry(client);
    if (entry.amount + amount > this.options.limit) return false;
    entry.amount += amount;
    return true;
  }

  /** Counts `amount` against the client whatever is left (a failure happened, whether or not it fits). */
  add(client: string, amount = 1): void {
    this.entry(client).amount += amount;
  }

  /** Gives back what was taken for something that was not kept after all. */
  giveBack(client: string, amount = 1): void {
    const entry = this.entry(client);
    entry.amount = Math.max(0, entry.amount - amount);
  }

  /** How many clients are being counted. */
  get trackedClients(): number {
    return this.usage.size;
  }

  /** Drops ended windows; if still too many, the oldest (Maps keep insertion order). */
  private sweep(now: number): void {
    for (const [key, entry] of this.usage) if (entry.resetAt <= now) this.usage.delete(key);
    for (const key of this.usage.keys()) {
      if (this.usage.size <= MAX_TRACKED_CLIENTS * 0.9) break;
      this.usage.delete(key);
    }
  }
}
