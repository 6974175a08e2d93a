import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { TestClock } from './test-app.ts';
import type { TestUser } from './factories.ts';
import { timeStep, totpAt } from '../modules/auth/totp.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Calls the API like the staff app does: session cookie plus X-CSRF-Token on writes. */
export class Agent {
  cookie: string | null = null;
  csrfToken: string | null = null;

  constructor(private readonly app: FastifyInstance) {}

  async request(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({
      method,
      url,
      headers: {
        ...(this.cookie ? { cookie: `haven_session=${this.cookie}` } : {}),
        ...(this.csrfToken && method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: body as Record<string, unknown> } : {}),
    });
    const set = response.cookies.find((c) => c.name === 'haven_session');
    if (set) this.cookie = set.value || null;
    const json = safeJson(response.body);
    if (json && typeof json === 'object' && 'csrfToken' in json && typeof json.csrfToken === 'string') this.csrfToken = json.csrfToken;
    return response;
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body ?? {});
  patch = (url: string, body: unknown) => this.request('PATCH', url, body);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The code an authenticator app would show now (or `stepOffset` steps later). */
export function currentCode(secret: string, clock: TestClock, stepOffset = 0): string {
  return totpAt(secret, timeStep(clock.now()) + stepOffset);
}

/** Signs a person in through both factors and returns an agent holding the session. */
export async function signIn(app: FastifyInstance, clock: TestClock, user: TestUser): Promise<Agent> {
  const agent = new Agent(app);
  const login = await agent.post('/api/auth/login', { email: user.email, password: user.password });
  if (login.statusCode !== 200) throw new Error(`sign-in failed: ${login.statusCode} ${login.body}`);
  if (!user.totpSecret) throw new Error('the test user has no TOTP secret; create it with enrolled: true');
  const verify = await agent.post('/api/auth/mfa/verify', { code: currentCode(user.totpSecret, clock) });
  if (verify.statusCode !== 200) throw new Error(`MFA failed: ${verify.statusCode} ${verify.body}`);
  return agent;
}
