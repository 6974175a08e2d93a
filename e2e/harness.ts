import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const START_TIMEOUT_MS = 90_000;

export interface RunningHaven {
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  /** The one-time link printed on first start, `…/staff/setup#token=…`. */
  setupUrl: string;
  /** Everything the server printed, for diagnosing a failed test. */
  output(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('No port was assigned.'))));
    });
  });
}

interface FreshDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A new, empty database on the PostgreSQL server named by DATABASE_URL, dropped again afterwards. */
async function createFreshDatabase(serverUrl: string): Promise<FreshDatabase> {
  const name = `haven_e2e_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

async function waitForHealth(baseUrl: string, child: ChildProcess, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Haven exited with code ${child.exitCode} before it was ready.`);
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('Haven did not answer /healthz in time.');
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts the real Haven server on a free port with an empty database (embedded PGlite in a new folder, or a
 * new database on the server named by DATABASE_URL), and waits until it is healthy and has printed its
 * set-up link. `env` adds settings for one file's server, such as a shorter review time for urgent tips.
 */
export async function startHaven(options: { env?: Record<string, string> } = {}): Promise<RunningHaven> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = await mkdtemp(path.join(tmpdir(), 'haven-e2e-'));
  const database = process.env.DATABASE_URL ? await createFreshDatabase(process.env.DATABASE_URL) : null;

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: baseUrl,
    HAVEN_DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    NODE_ENV: 'test',
    ...options.env,
  };
  if (database) env.DATABASE_URL = database.url;
  else delete env.DATABASE_URL;

  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const printed = { output: '', setupUrl: null as string | null };
  const onData = (chunk: Buffer) => {
    printed.output += chunk.toString();
    printed.setupUrl ??= /(https?:\/\/\S+\/staff\/setup#token=\S+)/.exec(printed.output)?.[1] ?? null;
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  let stopping = false;
  child.once('exit', (code, signal) => {
    // A server that dies mid-test explains the failures that follow; say so with what it printed last.
    if (!stopping) process.stderr.write(`\nHaven exited unexpectedly (code ${code}, signal ${signal}). Last output:\n${printed.output.slice(-4000)}\n`);
  });

  const cleanUp = async () => {
    stopping = true;
    await stopChild(child);
    await rm(dataDir, { recursive: true, force: true });
    await database?.drop();
  };

  try {
    const deadline = Date.now() + START_TIMEOUT_MS;
    await waitForHealth(baseUrl, child, deadline);
    while (!printed.setupUrl && Date.now() < deadline && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 100));
  } catch (error) {
    await cleanUp();
    throw new Error(`${(error as Error).message}\n--- server output ---\n${printed.output}`, { cause: error });
  }
  const setupUrl = printed.setupUrl;
  if (!setupUrl) {
    await cleanUp();
    throw new Error(`Haven did not print a set-up link.\n--- server output ---\n${printed.output}`);
  }

  return { baseUrl, setupUrl, output: () => printed.output, stop: cleanUp };
}
