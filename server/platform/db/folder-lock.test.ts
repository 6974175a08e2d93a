import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockDataFolder } from './folder-lock.ts';

const folder = () => path.join(mkdtempSync(path.join(os.tmpdir(), 'haven-lock-')), 'pg');

describe('embedded data folder lock', () => {
  it('refuses a folder that another running process holds', () => {
    const dir = folder();
    writeFileSync(`${dir}.lock`, String(process.ppid));
    expect(() => lockDataFolder(dir)).toThrow(/Another Haven process \(pid \d+\) is using the embedded database/);
  });

  it('takes over a lock left by a process that no longer runs, and releases it', () => {
    const dir = folder();
    writeFileSync(`${dir}.lock`, '999999999');
    const release = lockDataFolder(dir);
    expect(readFileSync(`${dir}.lock`, 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });
});
