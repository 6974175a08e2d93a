import { createHmac, randomBytes } from 'node:crypto';

/**
 * Counts failures (wrong receipts, say) per client in this process's memory only. Clients are told apart by a
 * keyed hash of their address with a key made at start and never stored, so not even memory holds an address,
 * and a restart forgets everything. A global ceiling slows a spread-out guessing attack too.
 */
export class FailureLimiter {
  private readonly salt = randomBytes(32);
  private readonly perClient = new Map<string, { count: number; resetAt: number }>();
  private global = { count: 0, resetAt: 0 };

  constructor(
    private readonly options: { perClient: number; global: number; windowMs: number; now?: () => number },
  ) {}

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  private key(client: string): string {
    return createHmac('sha256', this.salt).update(client).digest('base64url');
  }

  isBlocked(client: string): boolean {
    const now = this.now();
    if (this.global.resetAt > now && this.global.count >= this.options.global) return true;
    const entry = this.perClient.get(this.key(client));
    return entry !== undefined && entry.resetAt > now && entry.count >= this.options.perClient;
  }

  recordFailure(client: string): void {
    const now = this.now();
    if (this.global.resetAt <= now) this.global = { count: 0, resetAt: now + this.options.windowMs };
    this.global.count++;
    const key = this.key(client);
    const entry = this.perClient.get(key);
    if (!entry || entry.resetAt <= now) this.perClient.set(key, { count: 1, resetAt: now + this.options.windowMs });
    else entry.count++;
    if (this.perClient.size > 50_000) this.sweep(now);
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.perClient) if (entry.resetAt <= now) this.perClient.delete(key);
  }
}
