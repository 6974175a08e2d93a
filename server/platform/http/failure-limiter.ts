import { createHmac, randomBytes } from 'node:crypto';

// Enough clients for a busy day; past it the oldest windows are dropped, so memory stays bounded under a flood.
const MAX_TRACKED_CLIENTS = 100_000;

/**
 * Counts failures (wrong receipts, say) per client in this process's memory only. Clients are told apart by a
 * keyed hash of their address with a key made at start and never stored, so not even memory holds an address,
 * and a restart forgets everything.
 *
 * There is deliberately no shared ceiling: failures by others never block a client (decision 013). A lock
 * shared by everyone is a switch an attacker can hold down to keep every honest person out.
 */
export class FailureLimiter {
  private readonly salt = randomBytes(32);
  private readonly perClient = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly options: { perClient: number; windowMs: number; now?: () => number }) {}

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  private key(client: string): string {
    return createHmac('sha256', this.salt).update(client).digest('base64url');
  }

  isBlocked(client: string): boolean {
    const entry = this.perClient.get(this.key(client));
    return entry !== undefined && entry.resetAt > this.now() && entry.count >= this.options.perClient;
  }

  recordFailure(client: string): void {
    const now = this.now();
    const key = this.key(client);
    const entry = this.perClient.get(key);
    if (!entry || entry.resetAt <= now) {
      this.perClient.delete(key);
      this.perClient.set(key, { count: 1, resetAt: now + this.options.windowMs });
    } else {
      entry.count++;
    }
    if (this.perClient.size > MAX_TRACKED_CLIENTS) this.sweep(now);
  }

  /** Drops ended windows; if still too many, the oldest (Maps keep insertion order). */
  private sweep(now: number): void {
    for (const [key, entry] of this.perClient) if (entry.resetAt <= now) this.perClient.delete(key);
    for (const key of this.perClient.keys()) {
      if (this.perClient.size <= MAX_TRACKED_CLIENTS * 0.9) break;
      this.perClient.delete(key);
    }
  }

  /** How many clients are being counted (for tests and metrics). */
  get trackedClients(): number {
    return this.perClient.size;
  }
}
