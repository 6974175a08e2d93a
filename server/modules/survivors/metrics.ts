import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { requireAccess, type Actor } from '../../platform/access/access.ts';
import { inSurvivorScope } from './survivor-access.ts';

export const MATCH_HOURS = 48;

/**
 * The agency's own figures: whether each survivor identified in the period was matched to a provider (a referral
 * accepted) within 48 hours of identification, and services delivered by type (deliveries, unduplicated
 * survivors, units, hours): the counts funders ask for. Counts only, never a name.
 */
export async function survivorMetrics(ctx: AppContext, actor: Actor, query: { from?: string | undefined; to?: string | undefined }) {
  requireAccess(actor, 'read', 'survivor-metrics', { agencyId: actor.agencyId });
  const from = query.from ? new Date(`${query.from}T00:00:00Z`) : new Date(0);
  const to = query.to ? new Date(new Date(`${query.to}T00:00:00Z`).getTime() + 86_400_000) : new Date('9999-12-31T00:00:00Z');
  return inSurvivorScope(ctx, actor, async (trx) => {
    const matching = await sql<{ survivors: number; within: number; later: number }>`
      select count(*)::int as survivors,
        count(*) filter (where first_match <= s.identified_at + make_interval(hours => ${MATCH_HOURS}))::int as within,
        count(*) filter (where first_match > s.identified_at + make_interval(hours => ${MATCH_HOURS}))::int as later
      from survivors s
      left join lateral (
        select min(r.responded_at) as first_match from survivor_referrals r
        where r.survivor_id = s.id and r.status in ('accepted', 'completed') and r.responded_at is not null
      ) m on true
      where s.agency_id = ${actor.agencyId} and s.identified_at >= ${from} and s.identified_at < ${to}
    `.execute(trx);
    const services = await sql<{ service_type: string; deliveries: number; survivors: number; units: string | null; hours: string | null }>`
      select service_type, count(*)::int as deliveries, count(distinct survivor_id)::int as survivors, sum(units)::text as units, sum(hours)::text as hours
      from survivor_services
      where agency_id = ${actor.agencyId} and delivered_on >= ${from.toISOString().slice(0, 10)}::date and delivered_on < ${to.toISOString().slice(0, 10)}::date
      group by service_type order by service_type
    `.execute(trx);
    const m = matching.rows[0]!;
    return {
      matching: { survivors: m.survivors, matchedWithin48h: m.within, matchedLater: m.later, notMatched: m.survivors - m.within - m.later, withinRate: m.survivors ? m.within / m.survivors : null },
      services: services.rows.map((r) => ({ serviceType: r.service_type, deliveries: r.deliveries, survivors: r.survivors, units: r.units === null ? 0 : Number(r.units), hours: r.hours === null ? 0 : Number(r.hours) })),
    };
  });
}
