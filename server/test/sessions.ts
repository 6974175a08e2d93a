import type { TestHaven } from './test-app.ts';
import type { TestUser } from './factories.ts';
import { Agent } from './agent.ts';
import { createSession, type MfaState } from '../modules/auth/sessions.ts';

/**
 * An agent holding a session opened straight in the database, at the given stage of sign-in. For tests that
 * need many signed-in people at once: the sign-in endpoints are rate limited, and what these tests check is
 * what a session may do, not how it was obtained (auth.test.ts covers that).
 */
export async function openSession(h: TestHaven, user: Pick<TestUser, 'id'>, mfaState: MfaState = 'complete'): Promise<Agent> {
  const issued = await h.ctx.db.transaction().execute((trx) => createSession(trx, h.ctx, user.id, mfaState));
  const agent = new Agent(h.app);
  agent.cookie = issued.token;
  agent.csrfToken = issued.csrfToken;
  return agent;
}
