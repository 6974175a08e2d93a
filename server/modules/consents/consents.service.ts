import type { AppContext } from '../../platform/context.ts';
import { requireAccess, type Actor } from '../../platform/access/access.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { AppError, refusedRead } from '../../platform/errors.ts';
import { inSurvivorScope, loadSurvivorFor, survivorAudit } from '../survivors/survivor-access.ts';
import { currentKeys, requireKeys, sealPart } from '../survivors/survivor-keys.ts';
import { traffickerIndex } from '../survivors/survivor-indexes.ts';
import { consentState, presentConsent } from '../survivors/survivors.presenter.ts';
import * as repo from '../survivors/survivors.repo.ts';
import type { ConsentInput } from './consents.schema.ts';

const DAY = 86_400_000;
/** "Reasonably time-limited": a written consent lasts at most a year; verbal consent in an emergency a week. */
export const MAX_CONSENT_DAYS = 365;
export const MAX_VERBAL_CONSENT_DAYS = 7;

const refuse = (message: string, path: string) => new AppError('consent_refused', message, [{ path, message }]);

/**
 * Records a consent in the ledger. A release is never a condition of services: nothing in Haven waits for one.
 * A minor's consent needs a non-abusive parent or guardian too, unless the minor may lawfully consent alone; a
 * guardian recorded as an alleged trafficker (by the record's blind index, or marked so) is refused.
 */
export async function recordConsent(ctx: AppContext, actor: Actor, survivorId: string, input: ConsentInput) {
  requireAccess(actor, 'manage', 'consent', { agencyId: actor.agencyId });
  return inSurvivorScope(ctx, actor, async (trx) => {
    const { facts } = await loadSurvivorFor(trx, ctx, actor, survivorId, 'manage');
    const now = ctx.now();
    const startsAt = input.startsAt ? new Date(input.startsAt) : now;
    const expiresAt = new Date(input.expiresAt);
    if (expiresAt <= startsAt) throw new AppError('validation_failed', 'The consent must end after it starts.', [{ path: 'body.expiresAt', message: 'Not after the start.' }]);
    const maxDays = input.method === 'verbal_emergency' ? MAX_VERBAL_CONSENT_DAYS : MAX_CONSENT_DAYS;
    if (expiresAt.getTime() - startsAt.getTime() > maxDays * DAY) {
      throw new AppError('validation_failed', `A ${input.method === 'verbal_emergency' ? 'verbal emergency consent' : 'consent'} lasts at most ${maxDays} days; ask again when it ends.`, [{ path: 'body.expiresAt', message: `More than ${maxDays} days.` }]);
    }
    const recipient = await trx.selectFrom('agencies').select(['id', 'is_active']).where('id', '=', input.recipientAgencyId).executeTakeFirst();
    if (!recipient?.is_active) throw new AppError('validation_failed', 'Choose an active agency of the task force.', [{ path: 'body.recipientAgencyId', message: 'No such agency.' }]);
    if (recipient.id === facts.agency_id) throw new AppError('validation_failed', 'Your own agency needs no consent to read its records.', [{ path: 'body.recipientAgencyId', message: 'Your own agency.' }]);
    const keys = await currentKeys(trx, ctx, facts.agency_id);
    if (input.guardian) {
      const recordKeys = await requireKeys(trx, ctx, facts.agency_id, facts.key_version);
      const index = traffickerIndex(recordKeys, input.guardian.name);
      const recorded = index && (await trx.selectFrom('survivor_blind_indexes').select('kind').where('survivor_id', '=', survivorId).where('kind', '=', 'trafficker').where('value', '=', index).executeTakeFirst());
      if (input.guardian.isAllegedTrafficker || recorded) {
        await recordAudit(trx, ctx.keys, { ...survivorAudit(actor, survivorId), action: 'consent.refused', outcome: 'denied', details: { reason: 'signer_alleged_trafficker' } });
        throw refuse('This person is recorded as an alleged trafficker and cannot consent for the survivor.', 'body.guardian.name');
      }
    }
    if (facts.is_minor && !input.guardian && !input.minorConsentBasis) {
      throw refuse('For a minor, a non-abusive parent or guardian consents too, unless the law lets the minor consent alone: give the guardian, or the basis for consenting alone.', 'body.guardian');
    }
    const row = await trx
      .insertInto('survivor_consents')
      .values({
        survivor_id: survivorId,
        agency_id: facts.agency_id,
        recipient_agency_id: recipient.id,
        purpose: input.purpose,
        categories: input.categories,
        method: input.method,
        starts_at: startsAt,
        expires_at: expiresAt,
        signer: input.guardian ? 'survivor_and_guardian' : 'survivor',
        guardian_enc: null,
        minor_consent_basis: facts.is_minor ? input.minorConsentBasis : null,
        recorded_by_user_id: actor.userId,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.guardian) {
      await trx.updateTable('survivor_consents').set({ guardian_enc: sealPart(keys, row.id, 'guardian', { name: input.guardian.name, relationship: input.guardian.relationship, keyVersion: keys.version }) }).where('id', '=', row.id).execute();
    }
    await recordAudit(trx, ctx.keys, { ...survivorAudit(actor, survivorId), action: 'consent.recorded', details: { consentId: row.id, recipientAgencyId: recipient.id, categories: input.categories, expiresAt: expiresAt.toISOString() } });
    return presentConsent((await repo.listConsents(trx, survivorId)).find((c) => c.id === row.id)!, now);
  });
}

/** Revokes a consent with immediate effect: the next read by the recipient, at any moment after, is refused. */
export async function revokeConsent(ctx: AppContext, actor: Actor, survivorId: string, consentId: string, note: string | null) {
  requireAccess(actor, 'manage', 'consent', { agencyId: actor.agencyId });
  return inSurvivorScope(ctx, actor, async (trx) => {
    await loadSurvivorFor(trx, ctx, actor, survivorId, 'manage', { lock: true });
    const now = ctx.now();
    const consent = (await repo.listConsents(trx, survivorId)).find((c) => c.id === consentId);
    if (!consent) throw refusedRead('The consent', 'consent', consentId);
    if (consentState(consent, now) === 'revoked') throw new AppError('conflict', 'This consent was already revoked.');
    await trx.updateTable('survivor_consents').set({ revoked_at: now, revoked_by_user_id: actor.userId, revocation_note: note }).where('id', '=', consentId).where('survivor_id', '=', survivorId).execute();
    await recordAudit(trx, ctx.keys, { ...survivorAudit(actor, survivorId), action: 'consent.revoked', details: { consentId } });
    return presentConsent((await repo.listConsents(trx, survivorId)).find((c) => c.id === consentId)!, now);
  });
}
