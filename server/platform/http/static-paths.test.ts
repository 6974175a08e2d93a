import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { installErrorHandling } from './error-handler.ts';
import { installStaffApp } from './staff-app.ts';

/**
 * Malformed paths under each place that serves files: a NUL, climbing out with dots, an empty segment, broken
 * percent-encoding. None may serve a file outside its folder, and none may answer 5xx.
 */
const TAILS = [
  'portal.css%00.js',
  '%00',
  'x%00/../../package.json',
  '....//....//package.json',
  '..%2f..%2fpackage.json',
  '%2e%2e/%2e%2e/package.json',
  '..%5c..%5cpackage.json',
  '/etc/passwd',
  '//etc/passwd',
  '%2fetc%2fpasswd',
  '%',
  '%ff',
  '%ED%A0%80',
  'a%0aб%C0%AF',
  'portal.css/',
  'portal.css/.',
  // (A path of only `.` or `..` is resolved by the URL parser before routing, to the folder above.)
  '...',
  '~',
  'con',
  'x'.repeat(2000),
];

/** What is wrong with the answer to a malformed path, or null when it is a plain refusal. */
function wrongAnswer(response: { statusCode: number; body: string }, url: string): string | null {
  if (/"name":\s*"haven|root:x:0/.test(response.body)) return `${url} served a file outside its folder`;
  if (response.statusCode < 400 || response.statusCode >= 500) return `${url} answered ${response.statusCode}`;
  return null;
}

describe('malformed paths where the portal and the API docs serve files', () => {
  let h: TestHaven;
  beforeAll(async () => {
    h = await createTestApp();
  });
  afterAll(async () => h.close());

  it('answers 4xx, never 5xx and never a file outside the folder', async () => {
    const wrong: string[] = [];
    for (const prefix of ['/portal/', '/api/docs/static/', '/api/docs/', '/']) {
      for (const tail of TAILS) {
        const url = `${prefix}${tail}`;
        for (const method of ['GET', 'HEAD'] as const) {
          const problem = wrongAnswer(await h.app.inject({ method, url }), `${method} ${url}`);
          if (problem) wrong.push(problem);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('still serves the portal’s own files and the API docs', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/portal/portal.css' })).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/portal/safe-places.js' })).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBe(200);
  });
});

describe('malformed paths where the staff app serves its files', () => {
  let dist: string;
  let app: FastifyInstance;
  beforeAll(async () => {
    dist = await mkdtemp(path.join(os.tmpdir(), 'haven-staff-dist-'));
    await mkdir(path.join(dist, 'assets'));
    await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>Haven</title>');
    await writeFile(path.join(dist, 'assets/app-1a2b.js'), 'console.log(1);');
    await writeFile(path.join(dist, 'secret.txt'), 'root:x:0');
    app = Fastify();
    installErrorHandling(app);
    await installStaffApp(app, { dist });
  });
  afterAll(async () => {
    await app.close();
    await rm(dist, { recursive: true, force: true });
  });

  it('answers 4xx, never 5xx and never a file outside the assets folder', async () => {
    const wrong: string[] = [];
    for (const tail of [...TAILS, '../secret.txt', '..%2fsecret.txt', '....//secret.txt', 'app-1a2b.js%00', 'app-1a2b.js%00.map']) {
      const url = `/staff/assets/${tail}`;
      const response = await app.inject({ method: 'GET', url });
      // A literal `/../` is resolved by the URL parser before routing: the path left /staff/assets/, and the rest
      // of /staff/ answers with the app's page. That page, and never the file, is what it may get.
      if (tail.includes('/../') || tail.startsWith('../')) {
        expect(response.body, url).toBe('<!doctype html><title>Haven</title>');
        continue;
      }
      const problem = wrongAnswer(response, url);
      if (problem) wrong.push(problem);
    }
    expect(wrong).toEqual([]);
    expect((await app.inject({ method: 'GET', url: '/staff/assets/app-1a2b.js' })).statusCode).toBe(200);
  });
});
