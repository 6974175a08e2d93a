import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { recordAuditNow } from '../audit/audit.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every refused staff call leaves an audit entry: who tried which route on which record ids. Supervisors
 * looking for someone probing records they may not see find it here, whichever service refused, including
 * the 404s that hide another agency's records (`refusedRead`).
 */
export function installDenialAudit(app: FastifyInstance, ctx: AppContext): void {
  app.addHook('onError', async (request, _reply, error) => {
    if (!(error instanceof AppError) || !error.accessDenial || !request.url.startsWith('/api/')) return;
    const session = request.staffSession;
    const ids = Object.entries((request.params ?? {}) as Record<string, unknown>).filter(([, v]) => typeof v === 'string' && UUID.test(v));
    const route = `${request.method} ${request.routeOptions.url ?? 'unmatched'}`;
    const actor = { actorUserId: session?.user.id ?? null, actorAgencyId: session?.user.agencyId ?? null, outcome: 'denied' as const };
    // A refused read (a 404 for a record out of reach) names the record type and the id asked for.
    const refusal = error.refusal && UUID.test(error.refusal.entityId) ? error.refusal : null;
    try {
      await recordAuditNow(ctx.db, ctx.keys, refusal
        ? { ...actor, action: refusal.action, entityType: refusal.entityType, entityId: refusal.entityId, details: { route } }
        : { ...actor, action: 'access.denied', entityType: 'route', entityId: route, details: Object.fromEntries(ids) as Record<string, string> });
    } catch (auditError) {
      request.log.error({ err: { message: (auditError as Error).message } }, 'could not audit a refused call');
    }
  });
}
