import type { BrowserContext } from 'playwright-core';
import { freshCode } from './totp.ts';

/**
 * A person talking to the Haven API from the test process: keeps the session cookie and the CSRF token,
 * as the staff app does in a browser. Used to prepare what a test needs without clicking through it.
 */
export class HavenApiClient {
  private cookie: string | null = null;
  private csrfToken: string | null = null;

  constructor(readonly baseUrl: string) {}

  get sessionCookie(): string | null {
    return this.cookie;
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.cookie) headers.Cookie = `haven_session=${this.cookie}`;
    if (method !== 'GET' && this.csrfToken) headers['X-CSRF-Token'] = this.csrfToken;
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    for (const setCookie of response.headers.getSetCookie()) {
      const match = /^haven_session=([^;]*)/.exec(setCookie);
      if (match) this.cookie = match[1] || null;
    }
    const text = await response.text();
    const parsed = (text ? JSON.parse(text) : undefined) as T;
    const token = (parsed as { csrfToken?: unknown } | undefined)?.csrfToken;
    if (typeof token === 'string') this.csrfToken = token;
    return { status: response.status, body: parsed };
  }

  /** Like request, but a status other than 2xx fails the test with the server's answer. */
  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const answer = await this.request<T>(method, path, body);
    if (answer.status >= 300) throw new Error(`${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  }
}

export interface Person {
  email: string;
  password: string;
  displayName: string;
  /** The TOTP secret, once enrolled. */
  secret?: string;
}

/** Signs in with password and TOTP; enrolls first when the account has no second factor yet. */
export async function signInByApi(client: HavenApiClient, person: Person): Promise<void> {
  const { next } = await client.call<{ next: 'enroll' | 'verify' }>('POST', '/api/auth/login', { email: person.email, password: person.password });
  if (next === 'enroll') {
    const { secret } = await client.call<{ secret: string }>('GET', '/api/auth/mfa/enrollment');
    person.secret = secret;
    await client.call('POST', '/api/auth/mfa/enroll', { code: await freshCode(secret) });
    return;
  }
  if (!person.secret) throw new Error(`${person.email} has no known TOTP secret.`);
  await client.call('POST', '/api/auth/mfa/verify', { code: await freshCode(person.secret) });
}

export const STRONG_PASSWORD = 'correct lantern orchard 47';

/** Creates the first administrator through the set-up link and signs them in (enrolling TOTP). */
export async function setUpFirstAdministrator(baseUrl: string, setupUrl: string, admin: Person & { agencyName: string }): Promise<HavenApiClient> {
  const token = new URL(setupUrl).hash.replace(/^#token=/, '');
  const client = new HavenApiClient(baseUrl);
  await client.call('POST', '/api/setup', { token, agencyName: admin.agencyName, displayName: admin.displayName, email: admin.email, password: admin.password });
  await signInByApi(client, admin);
  return client;
}

interface Agency {
  id: string;
  type: string;
}

/** Adds an agency and a person in it, activates the account, and returns the person (not yet enrolled). */
export async function createActivatedPerson(
  admin: HavenApiClient,
  options: { agency: { name: string; type: string } | Agency; person: Person; roles: string[] },
): Promise<{ agencyId: string; userId: string }> {
  const agency = 'id' in options.agency ? options.agency : await admin.call<Agency>('POST', '/api/agencies', options.agency);
  const { user, activationUrl } = await admin.call<{ user: { id: string }; activationUrl: string }>('POST', '/api/users', {
    agencyId: agency.id,
    email: options.person.email,
    displayName: options.person.displayName,
    roles: options.roles,
  });
  const token = new URL(activationUrl).hash.replace(/^#token=/, '');
  await new HavenApiClient(admin.baseUrl).call('POST', '/api/activate', { token, password: options.person.password });
  return { agencyId: agency.id, userId: user.id };
}

/** Hands a session signed in through the API to a browser context, so a test starts already signed in. */
export async function shareSessionWith(context: BrowserContext, client: HavenApiClient): Promise<void> {
  if (!client.sessionCookie) throw new Error('This client is not signed in.');
  await context.addCookies([{ name: 'haven_session', value: client.sessionCookie, url: client.baseUrl, httpOnly: true, sameSite: 'Strict' }]);
}
