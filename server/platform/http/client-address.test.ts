import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { multipart, pick } from '../../test/multipart.ts';
import { requestFrom, startReverseProxy } from '../../test/reverse-proxy.ts';
import { ConfigError, loadConfig } from '../config.ts';

const form = { 'content-type': 'application/x-www-form-urlencoded' };
const WRONG = 'receipt=AAAA-BBBB-CCCC-DDDD';

async function receiptOf(h: TestHaven): Promise<string> {
  const page = await h.app.inject({ method: 'GET', url: '/report' });
  const body = multipart({ sid: pick(page.body, /name="sid" value="([^"]+)"/), concern: 'labor', narrative: 'People sleep in the back room of the shop' });
  const sent = await h.app.inject({ method: 'POST', url: '/report', payload: body.payload, headers: body.headers });
  return pick(sent.body, /<output>([0-9A-Z-]{19})<\/output>/);
}

async function listen(h: TestHaven): Promise<number> {
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  return (h.app.server.address() as AddressInfo).port;
}

describe('TRUST_PROXY setting', () => {
  const base = { NODE_ENV: 'test' };
  it('is off by default, takes a hop count or a list of proxy addresses, and refuses "trust everyone"', () => {
    expect(loadConfig(base).trustProxy).toBe(false);
    expect(loadConfig({ ...base, TRUST_PROXY: 'off' }).trustProxy).toBe(false);
    expect(loadConfig({ ...base, TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ ...base, TRUST_PROXY: '10.0.0.0/8, 127.0.0.1 ,::1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1', '::1']);
    expect(() => loadConfig({ ...base, TRUST_PROXY: 'true' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, TRUST_PROXY: '10.0.0.0/99' })).toThrow(ConfigError);
  });
});

describe('behind a reverse proxy with TRUST_PROXY=1', () => {
  let h: TestHaven;
  let proxy: Awaited<ReturnType<typeof startReverseProxy>>;
  let receipt: string;
  beforeAll(async () => {
    h = await createTestApp({ config: { trustProxy: 1 } });
    receipt = await receiptOf(h);
    proxy = await startReverseProxy({ port: await listen(h) });
  });
  afterAll(async () => {
    await proxy.close();
    await h.close();
  });

  const wrongReceipt = (from: string, headers: Record<string, string> = {}) => requestFrom(from, proxy.port, { method: 'POST', path: '/follow-up', body: WRONG, headers: { ...form, ...headers } });

  it('slows down the visitor who guesses receipts, not every reporter behind the same proxy', async () => {
    for (let i = 0; i < 10; i++) expect((await wrongReceipt('127.0.0.2')).status).toBe(404);
    expect((await wrongReceipt('127.0.0.2')).status).toBe(429);
    const reporter = await requestFrom('127.0.0.3', proxy.port, { method: 'POST', path: '/follow-up', body: `receipt=${receipt}`, headers: form });
    expect(reporter.status).toBe(200);
    expect(reporter.body).toContain(receipt);
  });

  it('does not let a visitor escape the limit by sending its own X-Forwarded-For (the proxy appends the real address)', async () => {
    for (let i = 0; i < 10; i++) await wrongReceipt('127.0.0.4', { 'x-forwarded-for': `198.51.100.${i}` });
    expect((await wrongReceipt('127.0.0.4', { 'x-forwarded-for': '198.51.100.200' })).status).toBe(429);
  });

  it('limits sign-ins per visitor: one address trying many passwords does not block the other staff', async () => {
    const login = (from: string, n: number) => requestFrom(from, proxy.port, { method: 'POST', path: '/api/auth/login', body: JSON.stringify({ email: `nobody${n}@example.test`, password: 'wrong password here' }), headers: { 'content-type': 'application/json' } });
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await login('127.0.0.5', i)).status);
    expect(statuses.at(-1)).toBe(429);
    expect((await login('127.0.0.6', 99)).status).toBe(401);
  });
});

describe('without a trusted proxy', () => {
  let h: TestHaven;
  beforeAll(async () => {
    h = await createTestApp();
  });
  afterAll(async () => h.close());

  it('ignores X-Forwarded-For, so a client cannot pick a fresh address for each guess', async () => {
    const guess = (i: number) => h.app.inject({ method: 'POST', url: '/follow-up', payload: WRONG, headers: { ...form, 'x-forwarded-for': `198.51.100.${i}` }, remoteAddress: '192.0.2.7' });
    for (let i = 0; i < 10; i++) await guess(i);
    expect((await guess(77)).statusCode).toBe(429);
  });

  it('lets a reporter with the right receipt in, however many wrong guesses came from other addresses', async () => {
    const receipt = await receiptOf(h);
    for (let client = 0; client < 52; client++) {
      for (let i = 0; i < 10; i++) await h.app.inject({ method: 'POST', url: '/follow-up', payload: WRONG, headers: form, remoteAddress: `198.18.0.${client}` });
    }
    const reporter = await h.app.inject({ method: 'POST', url: '/follow-up', payload: `receipt=${receipt}`, headers: form, remoteAddress: '192.0.2.200' });
    expect(reporter.statusCode).toBe(200);
    const reply = multipart({ receipt, message: 'One more detail' });
    const answered = await h.app.inject({ method: 'POST', url: '/follow-up/reply', payload: reply.payload, headers: reply.headers, remoteAddress: '192.0.2.200' });
    expect(answered.statusCode).toBe(200);
  });
});

describe('Strict-Transport-Security', () => {
  it('is sent when the public address is https, though the proxy speaks plain http to Haven', async () => {
    const h = await createTestApp({ config: { publicUrl: 'https://haven.example.org' } });
    try {
      const page = await h.app.inject({ method: 'GET', url: '/' });
      expect(page.headers['strict-transport-security']).toContain('max-age=');
    } finally {
      await h.close();
    }
  });

  it('is sent when a trusted proxy says the visitor came over https, and not when an untrusted client claims it', async () => {
    const trusted = await createTestApp({ config: { trustProxy: 1 } });
    const untrusted = await createTestApp();
    const proxy = await startReverseProxy({ port: await listen(trusted) }, { proto: 'https' });
    try {
      expect((await requestFrom('127.0.0.1', proxy.port, { path: '/' })).headers['strict-transport-security']).toContain('max-age=');
      const claimed = await untrusted.app.inject({ method: 'GET', url: '/', headers: { 'x-forwarded-proto': 'https' } });
      expect(claimed.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await proxy.close();
      await trusted.close();
      await untrusted.close();
    }
  });
});
