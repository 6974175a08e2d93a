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
