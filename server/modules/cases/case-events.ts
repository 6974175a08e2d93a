import type { Transaction } from 'kysely';
import type { Actor } from '../../platform/access/access.ts';
import type { DB } from '../../platform/db/schema.ts';

/**
 * Writes one entry of a case's timeline, inside the transaction of the change it records. Every module that
 * changes a case (cases, entities, deconfliction) writes here, so the timeline is the whole story. `data` holds
 * what the timeline shows: ids and short labels, readable by whoever may read the case.
 */
export async function recordCaseEvent(
  trx: Transaction<DB>,
  event: { caseId: string; actor: Pick<Actor, 'userId' | 'agencyId'> | null; kind: string; at: Date; data?: Record<string, unknown> },
): Promise<void> {
  // The entry and the case's "last changed" in one round trip.
  await trx
    .with('entry', (db) =>
      db.insertInto('case_events').values({
        case_id: event.caseId,
        occurred_at: event.at,
        actor_user_id: event.actor?.userId ?? null,
        actor_agency_id: event.actor?.agencyId ?? null,
        kind: event.kind,
        data: JSON.stringify(event.data ?? {}),
      }),
    )
    .updateTable('cases')
    .set({ updated_at: event.at })
    .where('id', '=', event.caseId)
    .execute();
}

/**
 * Writes several timeline entries that happened at one moment (the hits of one deconfliction check) in one
 * round trip, and moves each case's "last changed" to that moment.
 */
export async function recordCaseEvents(trx: Transaction<DB>, at: Date, events: ReadonlyArray<{ caseId: string; kind: string; data?: Record<string, unknown> }>): Promise<void> {
  if (!events.length) return;
  await trx
    .with('entries', (db) =>
      db.insertInto('case_events').values(events.map((e) => ({ case_id: e.caseId, occurred_at: at, actor_user_id: null, actor_agency_id: null, kind: e.kind, data: JSON.stringify(e.data ?? {}) }))),
    )
    .updateTable('cases')
    .set({ updated_at: at })
    .where('id', 'in', [...new Set(events.map((e) => e.caseId))])
    .execute();
}
