import type { AppContext } from '../../platform/context.ts';
import type { Actor } from '../../platform/access/access.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { normalizeAddress, normalizeEmail, normalizeHandle, normalizePaymentHandle, normalizePhone, normalizePlate, normalizeUrl } from '../identifiers/normalize.ts';
import { normalizeName } from '../identifiers/names.ts';
import { worksCases, caseAccess } from '../cases/cases.policy.ts';
import { findCases } from '../cases/cases.repo.ts';
import { presentCaseSummary } from '../cases/cases.presenter.ts';
import * as repo from './search.repo.ts';
import type { SearchView } from './search.schema.ts';

/** Every identifier the query could be, normalized as each kind: "(713) 555-0147" is a phone, "$tag" a cashtag. */
export function identifiersInQuery(q: string): Array<{ kind: string; value: string }> {
  const candidates: Array<[string, string | null]> = [
    ['phone', /\d{7,}/.test(q.replace(/\D/g, '')) ? normalizePhone(q) : null],
    ['email', normalizeEmail(q)],
    ['url', /\.[a-z]{2,}/i.test(q) && !q.includes('@') ? normalizeUrl(q) : null],
    ['handle', /^@?[\p{L}\p{N}._-]{2,64}$/u.test(q) ? normalizeHandle(q) : null],
    ['plate', /^[A-Za-z0-9 .-]{2,12}$/.test(q) && /\d/.test(q) ? normalizePlate(q) : null],
    ['address', /^\d+\s+\S+/.test(q) ? normalizeAddress(q) : null],
    ['payment', q.startsWith('$') ? normalizePaymentHandle(q) : null],
  ];
  const found = candidates.filter((c): c is [string, string] => c[1] !== null).map(([kind, value]) => ({ kind, value }));
  // A plate is stored with its state ("TX:ABC1234"): a bare plate matches any state's.
  const plate = found.find((f) => f.kind === 'plate');
  if (plate) for (const st of US_STATES) found.push({ kind: 'plate', value: `${st}:${plate.value}` });
  // A handle is stored with its platform when known: a bare one also matches the common platforms'.
  const handle = found.find((f) => f.kind === 'handle');
  if (handle) for (const p of PLATFORMS) found.push({ kind: 'handle', value: `${p}:${handle.value}` });
  return found;
}

const US_STATES = 'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR'.split(' ');
const PLATFORMS = ['instagram', 'facebook', 'tiktok', 'snapchat', 'twitter', 'x', 'telegram', 'whatsapp', 'onlyfans', 'megapersonals', 'skipthegames', 'reddit'];

/**
 * Searches every case and entity the actor may see: identifiers exactly (the query normalized as each kind),
 * names typo-tolerantly (trigrams on transliterated names), and text (case titles, summaries and notes). A case
 * seen only in the list (coordinators) or at summary level is found by its number and title only.
 */
export async function search(ctx: AppContext, actor: Actor, q: string, limit: number): Promise<SearchView> {
  if (!worksCases(actor)) throw new AppError('forbidden', 'Your role does not work with investigative cases.');
  const reach: repo.SearchReach = {
    agencyId: actor.agencyId,
    own: actor.permissions.has('read:case:own-agency'),
    partner: actor.permissions.has('read:case:partner'),
    everyTitle: actor.permissions.has('read:case-list:any'),
  };
  const identifiers = identifiersInQuery(q);
  // One read transaction: the typo-tolerance thresholds are local to it, and the search is recorded in it.
  const { caseHits, entityHits, holders, rows } = await ctx.db.transaction().execute(async (trx) => {
    await repo.setSearchThresholds(trx);
    const caseHits = await repo.searchCases(trx, reach, q, limit);
    const entityHits = await repo.searchEntities(trx, reach, normalizeName(q), identifiers, limit);
    const holders = await repo.readableCasesOf(trx, reach, [...new Set(entityHits.map((e) => e.id))]);
    const rows = await findCases(trx, [...new Set([...caseHits.map((c) => c.id), ...holders.map((h) => h.case_id)])], actor.agencyId);
    return { caseHits, entityHits, holders, rows };
  });
  const summaries = new Map(rows.flatMap((r) => {
    const access = caseAccess(actor, { leadAgencyId: r.lead_agency_id, partnerLevel: r.partner_level });
    return access ? [[r.id, presentCaseSummary(r, access)] as const] : [];
  }));

  const cases = new Map<string, SearchView['cases'][number]>();
  for (const hit of caseHits.sort((a, b) => b.rank - a.rank)) {
    const summary = summaries.get(hit.id);
    if (!summary) continue;
    const found = cases.get(hit.id);
    if (found) {
      if (!found.matchedOn.includes(hit.matched)) found.matchedOn.push(hit.matched);
    } else cases.set(hit.id, { ...summary, matchedOn: [hit.matched] });
  }
  const entities = new Map<string, SearchView['entities'][number]>();
  for (const hit of entityHits.sort((a, b) => b.rank - a.rank)) {
    if (entities.has(hit.id)) continue;
    const inCases = holders.filter((h) => h.entity_id === hit.id).flatMap((h) => {
      const s = summaries.get(h.case_id);
      return s ? [{ id: s.id, number: s.number, title: s.title, access: s.access }] : [];
    });
    if (inCases.length) entities.set(hit.id, { id: hit.id, kind: hit.kind as SearchView['entities'][number]['kind'], label: hit.label, matchedOn: hit.matched as 'identifier' | 'name', cases: inCases });
  }
  const answer = { query: { identifiers: identifiers.filter((i, n) => identifiers.findIndex((j) => j.kind === i.kind) === n), name: normalizeName(q) }, cases: [...cases.values()].slice(0, limit), entities: [...entities.values()].slice(0, limit) };
  await ctx.db.transaction().execute((trx) =>
    recordAudit(trx, ctx.keys, { actorUserId: actor.userId, actorAgencyId: actor.agencyId, action: 'case.searched', entityType: 'case', details: { cases: answer.cases.length, entities: answer.entities.length, caseIds: answer.cases.map((c) => c.id) } }),
  );
  return answer;
}
