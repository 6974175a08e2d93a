import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { ReferralStatus } from '../../platform/db/schema-survivors.ts';
import { ROLE_PERMISSIONS } from '../../platform/access/permissions.ts';
import { ROLES } from '../../../common/access/roles.ts';
import type { ReferralRow } from './referrals.repo.ts';

// Who answers referrals at the receiving agency: the roles holding the permission, read from the permission table.
const RESPONDERS = ROLES.filter((role) => ROLE_PERMISSIONS[role].includes('respond:referral:own-agency'));

/**
 * Tells the other side that a referral moved: the receiving agency's case workers when one is sent to them or
 * withdrawn, and the person who made it when it is accepted, declined or completed. A notification names the
 * agencies, the provider and the service, never the survivor, and nothing of the note.
 */
export async function notifyReferralMove(trx: Transaction<DB>, row: ReferralRow, to: ReferralStatus, createdByUserId: string | null, now: Date): Promise<void> {
  const toReceiver = to === 'sent' || to === 'withdrawn';
  if (!toReceiver && !['accepted', 'declined', 'completed'].includes(to)) return;
  let userIds: string[] = [];
  if (toReceiver && row.to_agency_id) {
    const people = await trx
      .selectFrom('users as u')
      .innerJoin('user_roles as r', 'r.user_id', 'u.id')
      .select('u.id')
      .distinct()
      .where('u.agency_id', '=', row.to_agency_id)
      .where('r.role', 'in', RESPONDERS)
      .where('u.disabled_at', 'is', null)
      .execute();
    userIds = people.map((p) => p.id);
  } else if (!toReceiver && createdByUserId) {
    userIds = [createdByUserId];
  }
  if (!userIds.length) return;
  const kind = to === 'sent' ? 'referral.received' : `referral.${to}`;
  const data = { referralId: row.id, fromAgencyName: row.from_name, toAgencyName: row.to_name, providerName: row.provider_name, serviceType: row.service_type };
  await trx
    .insertInto('notifications')
    .values(userIds.map((userId) => ({ user_id: userId, kind, entity_type: 'referral', entity_id: row.id, data: JSON.stringify(data), created_at: now })))
    .onConflict((oc) => oc.columns(['user_id', 'kind', 'entity_type', 'entity_id']).doNothing())
    .execute();
}
