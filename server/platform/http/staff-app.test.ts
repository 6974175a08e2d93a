import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installStaffApp } from './staff-app.ts';

const script = Buffer.from(`console.log(${JSON.stringify('Haven '.repeat(2000))});\n`);

describe('the staff app’s files', () => {
  let dist: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    dist = await mkdtemp(path.join(os.tmpdir(), 'haven-staff-dist-'));
    await mkdir(path.join(dist, 'assets'));
    await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>Haven</title><script type="module" src="/staff/assets/app-1a2b.js"></script>');
    await writeFile(path.join(dist, 'assets/app-1a2b.js'), script);
    await writeFile(path.join(dist, 'assets/app-1a2b.js.br'), brotliCompressSync(script));
    await writeFile(path.join(dist, 'assets/app-1a2b.js.gz'), gzipSync(script));
    app = Fastify();
    await installStaffApp(app, { dist, imageSources: ['https://tiles.example.org'] });
  });

  afterAll(async () => {
    await app.close();
    await rm(dist, { recursive: true, force: true });
  });

  it('sends the Brotli copy to a browser that takes it, and gzip to one that takes only gzip', async () => {
    const br = await app.inject({ url: '/staff/assets/app-1a2b.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(br.rawPayload).equals(script)).toBe(true);
    expect(br.headers['cache-control']).toContain('immutable');

    const gz = await app.inject({ url: '/staff/assets/app-1a2b.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).equals(script)).toBe(true);
  });

  it('sends the file as it is to a client that accepts no encoding', async () => {
    const plain = await app.inject({ url: '/staff/assets/app-1a2b.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.equals(script)).toBe(true);
  });

  it('answers every other staff path with the app’s page under its content security policy', async () => {
    const page = await app.inject({ url: '/staff/cases/42' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<title>Haven</title>');
    expect(String(page.headers['content-security-policy'])).toContain('https://tiles.example.org');
  });
});
