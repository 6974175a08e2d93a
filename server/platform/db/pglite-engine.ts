import type { PGlite } from '@electric-sql/pglite';

// PGlite turns PostgreSQL's error longjmp into a JavaScript exception with this status and recovers from it.
const POSTGRES_ERROR_LONGJMP = 100;
const DRAIN_BYTES = 8192;

/**
 * Watches the embedded engine for a fault PGlite 0.5 hides. PGlite catches every exception thrown out of the
 * engine's main loop, PostgreSQL's error longjmp and WebAssembly traps alike, and carries on with the backend
 * in whatever state the trap left it: the statement then "succeeds" with no rows, later ones fail with
 * `CommitTransactionCommand: unexpected state DEFAULT`, or the engine loops for ever inside `errfinish` on the
 * server's own thread. A trap is never recoverable, so the first one is recorded and the engine is never
 * entered again: callers get a clear error instead of wrong answers or a frozen process.
 */
export class EngineWatch {
  failure: Error | null = null;

  constructor(pglite: PGlite) {
    const mod = pglite.Module as unknown as Record<string, (...args: unknown[]) => unknown>;
    const mainLoopOnce = mod._PostgresMainLoopOnce!;
    const remainingData = mod._pq_buffer_remaining_data!;
    const sendReadyForQuery = mod._PostgresSendReadyForQueryIfNecessary!;
    const flush = mod._pgl_pq_flush!;
    const receive = mod._pgl_recv!;
    const drainBuffer = mod._malloc!(DRAIN_BYTES) as number;
    // PGlite loops until the engine has read the whole request: once failed, the request is read and dropped.
    const drain = () => {
      for (let i = 0; i < 1_000_000 && (receive(0, drainBuffer, DRAIN_BYTES, 0) as number) > 0; i++);
    };
    mod._PostgresMainLoopOnce = (...args: unknown[]) => {
      if (this.failure) return drain();
      try {
        return mainLoopOnce(...args);
      } catch (error) {
        if ((error as { status?: unknown } | null)?.status !== POSTGRES_ERROR_LONGJMP) this.failure = asError(error);
        throw error;
      }
    };
    // Once failed, PGlite's loop must end without running the broken backend again.
    mod._pq_buffer_remaining_data = (...args: unknown[]) => (this.failure ? 0 : remainingData(...args));
    mod._PostgresSendReadyForQueryIfNecessary = (...args: unknown[]) => (this.failure ? undefined : sendReadyForQuery(...args));
    mod._pgl_pq_flush = (...args: unknown[]) => (this.failure ? undefined : flush(...args));
  }

  /** Throws when the engine has failed: nothing more may run in it. */
  check(): void {
    if (this.failure) {
      throw new EmbeddedEngineFailure(this.failure);
    }
  }
}

export class EmbeddedEngineFailure extends Error {
  constructor(cause: Error) {
    super(`The embedded database engine failed (${cause.message}) and takes no more statements. Restart Haven; committed data is kept.`, { cause });
    this.name = 'EmbeddedEngineFailure';
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
