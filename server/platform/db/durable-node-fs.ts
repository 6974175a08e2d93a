import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

type PostgresMod = Parameters<NodeFS['init']>[1];

interface NodeStream {
  nfd?: number;
  node: { mode: number };
}

interface EmscriptenNodeFs {
  stream_ops: Record<string, unknown> & { fsync?: (stream: NodeStream) => number };
  tryFSOperation(operation: () => void): void;
}

interface EmscriptenFs {
  isDir(mode: number): boolean;
  ErrnoError: new (errno: number) => Error;
}

// Emscripten's numbers for the errors PostgreSQL tells apart.
const EBADF = 8;
// Node's codes for "this platform cannot sync a directory".
const DIRECTORY_SYNC_UNSUPPORTED = new Set(['EISDIR', 'EINVAL', 'EBADF', 'EPERM']);

/**
 * PGlite's on-disk file system, made to reach the disk when PostgreSQL asks. PGlite 0.5's Emscripten NODEFS
 * has no `fsync`, so `fsync()` in the engine did nothing, and PGlite also starts PostgreSQL with fsync off
 * (`-F`): a write was acknowledged while it was still only in the operating system's cache, and a power cut
 * could lose it. Every NODEFS file and directory shares one `stream_ops` table, so one `fsync` added there,
 * before the engine opens anything, covers all of them.
 */
export class DurableNodeFS extends NodeFS {
  override async init(pg: PGlite, opts: PostgresMod) {
    const { emscriptenOpts } = await super.init(pg, opts);
    return { emscriptenOpts: { ...emscriptenOpts, preRun: [addFsync, ...(emscriptenOpts.preRun ?? [])] } };
  }
}

function addFsync(mod: PostgresMod): void {
  const nodefs = mod.NODEFS as unknown as EmscriptenNodeFs;
  const emfs = mod.FS as unknown as EmscriptenFs;
  nodefs.stream_ops.fsync = (stream) => {
    if (typeof stream.nfd !== 'number') throw new emfs.ErrnoError(EBADF);
    const fd = stream.nfd;
    const isDirectory = emfs.isDir(stream.node.mode);
    try {
      fs.fsyncSync(fd);
    } catch (error) {
      if (isDirectory && DIRECTORY_SYNC_UNSUPPORTED.has((error as NodeJS.ErrnoException).code ?? '')) return 0;
      // A failed sync of a data file reaches PostgreSQL as an errno: it then stops (PANIC) rather than carry on
      // as if the data were safe.
      nodefs.tryFSOperation(() => {
        throw error;
      });
    }
    return 0;
  };
}

/**
 * PGlite's start parameters without `-F`, so PostgreSQL syncs its WAL at each commit and its data files at
 * each checkpoint. The WAL is synced with fsync(): Emscripten's fdatasync() returns without doing anything.
 */
export const durableStartParams = [...PGlite.defaultStartParams.filter((p) => p !== '-F'), '-c', 'wal_sync_method=fsync'];

/**
 * Syncs every file and folder under `folder`, deepest first. A new cluster is unpacked from PGlite's initdb
 * image through the file system without PostgreSQL asking for a sync, so until this runs a power cut could
 * leave a folder whose WAL refers to data files that never reached the disk.
 */
export function syncFolder(folder: string): void {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const entryPath = path.join(folder, entry.name);
    if (entry.isDirectory()) syncFolder(entryPath);
    else if (entry.isFile()) syncPath(entryPath);
  }
  syncPath(folder);
}

function syncPath(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
