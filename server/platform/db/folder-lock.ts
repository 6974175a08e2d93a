import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';

/**
 * PGlite does not lock its data folder, and two processes writing one folder damage it. Haven holds a lock
 * file beside the folder for as long as the database is open; a lock left by a process that no longer runs
 * (a crash, a power cut) is taken over.
 */
export function lockDataFolder(folder: string): () => void {
  const lockFile = `${folder}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(lockFile, 'utf8').trim() === String(process.pid)) unlinkSync(lockFile);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lockFile, 'utf8').trim());
      if (isRunning(holder) && holder !== process.pid) {
        throw new Error(
          `Another Haven process (pid ${holder}) is using the embedded database in ${folder}. Stop it first: two processes would damage the data. (On a PostgreSQL server this is safe.)`,
          { cause: error },
        );
      }
      unlinkSync(lockFile);
    }
  }
  throw new Error(`Could not lock ${folder}.`);
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
