import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { openHaven } from './boot.ts';

// The key rules do not depend on the engine: these open one embedded database in a folder of their own, made
// once (creating a database on disk takes a while) and reopened by each test.
let dir: string;
let savedKey: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'haven-boot-test-'));
  const first = await openHaven(configFor());
  expect(first.keyCreated).toBe(true);
  await first.close();
  savedKey = await readFile(keyFile(), 'utf8');
});
afterAll(async () => rm(dir, { recursive: true, force: true }));
afterEach(async () => {
  await writeFile(keyFile(), savedKey, { mode: 0o600 });
  await chmod(keyFile(), 0o600);
});

const configFor = (env: Record<string, string> = {}) => loadConfig({ HAVEN_DATA_DIR: dir, LOG_LEVEL: 'silent', ...env });
const keyFile = () => path.join(dir, 'keys', 'master.key');

function capturingLog() {
  const lines: string[] = [];
  const stream = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) });
  return { log: pino({ level: 'warn' }, stream), lines };
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(() => true, () => false);
}

describe('the master key at start', () => {
  it('was created for the brand-new empty database, readable by its owner only, and is used again', async () => {
    expect((await stat(keyFile())).mode & 0o777).toBe(0o600);
    const again = await openHaven(configFor());
    expect(again.keyCreated).toBe(false);
    await again.close();
  }, 60_000);

  it('is never created beside a database that already holds data, and no key is left behind', async () => {
    await rm(keyFile());
    await expect(openHaven(configFor())).rejects.toThrow(/already holds data.*restore the key/is);
    expect(await exists(keyFile())).toBe(false);
    // And a later start still refuses rather than running under a made-up key.
    await expect(openHaven(configFor())).rejects.toThrow(/already holds data/);
    expect(await exists(keyFile())).toBe(false);
  }, 60_000);

  it('is refused when others can read its file, unless the operator accepts that, and then a warning is logged', async () => {
    for (const mode of [0o644, 0o640]) {
      await chmod(keyFile(), mode);
      await expect(openHaven(configFor())).rejects.toThrow(/can be read by other users.*chmod 600.*HAVEN_KEY_FILE_PERMISSIVE=1/s);
    }
    const { log, lines } = capturingLog();
    const haven = await openHaven(configFor({ HAVEN_KEY_FILE_PERMISSIVE: '1' }), { log });
    await haven.close();
    expect(lines.join('')).toMatch(/can be read by other users/);
  }, 60_000);

  it('missing in production is explained (make one or restore it), not a raw ENOENT', async () => {
    const config = loadConfig({ HAVEN_DATA_DIR: path.join(dir, 'elsewhere'), NODE_ENV: 'production', DATABASE_URL: 'postgres://haven@127.0.0.1:1/haven' });
    const failure = await openHaven(config).then(
      () => new Error('it started'),
      (error: unknown) => error as Error,
    );
    expect(failure.message).not.toBe('it started');
    expect(failure.message).not.toMatch(/ENOENT/);
    expect(failure.message).toMatch(/openssl rand -base64 32/);
    expect(failure.message).toMatch(/HAVEN_MASTER_KEY/);
    expect(failure.message).toMatch(/HAVEN_KEY_FILE/);
    expect(failure.message).toMatch(/restore .*key/i);
    expect(await exists(path.join(dir, 'elsewhere', 'keys', 'master.key'))).toBe(false);
  });

  it('comes from HAVEN_MASTER_KEY without any file', async () => {
    await rm(keyFile());
    const haven = await openHaven(configFor({ HAVEN_MASTER_KEY: savedKey.trim() }));
    expect(haven.keyCreated).toBe(false);
    await haven.close();
    expect(await exists(keyFile())).toBe(false);
  }, 60_000);
});
