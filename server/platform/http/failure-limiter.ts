import { WindowQuota } from './window-quota.ts';

/**
 * Counts failures (wrong receipts, say) per client, in memory only (see WindowQuota), and blocks a client once
 * it has used up its failures for the window.
 *
 * There is deliberately no shared ceiling: failures by others never block a client (decision 013). A lock
 * shared by everyone is a switch an attacker can hold down to keep every honest person out.
 */
export class FailureLimiter {
  private readonly failures: WindowQuota;

  constructor(options: { perClient: number; windowMs: number; now?: () => number }) {
    this.failures = new WindowQuota({ limit: options.perClient, windowMs: options.windowMs, now: options.now });
  }

  isBlocked(client: string): boolean {
    return this.failures.isSpent(client);
  }

  recordFailure(client: string): void {
    this.failures.add(client);
  }

  /** How many clients are being counted (for tests and metrics). */
  get trackedClients(): number {
    return this.failures.trackedClients;
  }
}
