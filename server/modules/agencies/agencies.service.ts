import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { requireAccess, type Actor } from '../../platform/access/access.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { isRole, isRoleAllowedInAgency } from '../../../common/access/roles.ts';
import type { AgencyType } from '../../../common/access/agencies.ts';
import * as repo from './agencies.repo.ts';
import { presentAgency } from './agencies.presenter.ts';
import type { AgencyInput, AgencyPatch, AgencyView } from './agencies.schema.ts';

const nameTaken = (name: string) => new AppError('conflict', `An agency named "${name}" already exists.`, [{ path: 'body.name', message: 'This name is already used.' }]);

export async function listAgencies(ctx: AppContext, actor: Actor): Promise<AgencyView[]> {
  requireAccess(actor, 'read', 'agency');
  return (await repo.listAgencies(ctx.db)).map(presentAgency);
}

export async function getAgency(ctx: AppContext, actor: Actor, id: string): Promise<AgencyView> {
  requireAccess(actor, 'read', 'agency', { agencyId: id });
  const row = await repo.findAgency(ctx.db, id);
  if (!row) throw notFound('The agency');
  return presentAgency(row);
}

/** Creates an agency without an actor: the first set-up and the operator CLI. */
export async function insertAgencyChecked(trx: Transaction<DB>, input: AgencyInput) {
  if (await repo.isAgencyNameTaken(trx, input.name)) throw nameTaken(input.name);
  return repo.insertAgency(trx, input);
}

export async function createAgency(ctx: AppContext, actor: Actor, input: AgencyInput): Promise<AgencyView> {
  requireAccess(actor, 'manage', 'agency');
  return ctx.db.transaction().execute(async (trx) => {
    const row = await insertAgencyChecked(trx, input);
    await recordAudit(trx, ctx.keys, { actorUserId: actor.userId, actorAgencyId: actor.agencyId, action: 'agency.created', entityType: 'agency', entityId: row.id, details: { type: input.type } });
    return presentAgency(row);
  });
}

export async function updateAgency(ctx: AppContext, actor: Actor, id: string, patch: AgencyPatch): Promise<AgencyView> {
  requireAccess(actor, 'manage', 'agency', { agencyId: id });
  return ctx.db.transaction().execute(async (trx) => {
    const current = await repo.findAgency(trx, id);
    if (!current) throw notFound('The agency');
    if (patch.name && (await repo.isAgencyNameTaken(trx, patch.name, id))) throw nameTaken(patch.name);
    if (patch.type && patch.type !== current.type) {
      const held = (await repo.rolesHeldInAgency(trx, id)).map((r) => r.role).filter(isRole);
      const misfits = held.filter((role) => !isRoleAllowedInAgency(role, patch.type as AgencyType));
      if (misfits.length) {
        throw new AppError('conflict', `People in this agency hold roles that a ${patch.type} agency cannot have (${misfits.join(', ')}). Change their roles first.`, [{ path: 'body.type', message: 'Incompatible with roles held in this agency.' }]);
      }
    }
    if (patch.isActive === false && id === actor.agencyId) {
      throw new AppError('conflict', 'You cannot deactivate your own agency.', [{ path: 'body.isActive', message: 'This is your own agency.' }]);
    }
    const row = await repo.updateAgency(trx, id, patch, ctx.now());
    await recordAudit(trx, ctx.keys, { actorUserId: actor.userId, actorAgencyId: actor.agencyId, action: 'agency.updated', entityType: 'agency', entityId: id, details: { fields: Object.keys(patch) } });
    return presentAgency(row);
  });
}
