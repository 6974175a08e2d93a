import { statfs } from 'node:fs/promises';
import os from 'node:os';
import type { Config } from '../../platform/config.ts';
import { WindowQuota } from '../../platform/http/window-quota.ts';
import type { UploadedFile } from '../tips/tips.intake.ts';

const HOUR_MS = 60 * 60_000;
const EVERYONE = 'everyone';

export type NotKeptReason = 'disk' | 'quota';
export interface NotKept {
  name: string;
  reason: NotKeptReason;
}

/**
 * Decides which of a report's files are kept: the words of a report are always taken, files only while the
 * disk has room and the client, and everyone together, are within their hourly share of stored bytes.
 */
export class UploadAdmission {
  private readonly reports: WindowQuota;
  private readonly perClientBytes: WindowQuota;
  private readonly overallBytes: WindowQuota;

  constructor(private readonly config: Pick<Config, 'dataDir' | 'reportsPerClientHour' | 'uploadBytesPerClientHour' | 'uploadBytesPerHour' | 'minFreeDiskBytes'>) {
    this.reports = new WindowQuota({ limit: config.reportsPerClientHour, windowMs: HOUR_MS });
    this.perClientBytes = new WindowQuota({ limit: config.uploadBytesPerClientHour, windowMs: HOUR_MS });
    this.overallBytes = new WindowQuota({ limit: config.uploadBytesPerHour, windowMs: HOUR_MS });
  }

  /** Counts one report for the client; false when they have sent their share this hour. */
  takeReport(client: string): boolean {
    return this.reports.take(client);
  }

  /** Splits the files into those to keep (their bytes counted) and those not kept, with why. */
  async admitFiles(client: string, files: readonly UploadedFile[]): Promise<{ kept: UploadedFile[]; notKept: NotKept[] }> {
    const kept: UploadedFile[] = [];
    const notKept: NotKept[] = [];
    if (files.length === 0) return { kept, notKept };
    const total = files.reduce((sum, f) => sum + f.bytes, 0);
    const diskFull = (await this.freeBytes()) - total < this.config.minFreeDiskBytes;
    for (const file of files) {
      if (diskFull) {
        notKept.push({ name: file.name, reason: 'disk' });
      } else if (!this.perClientBytes.take(client, file.bytes)) {
        notKept.push({ name: file.name, reason: 'quota' });
      } else if (!this.overallBytes.take(EVERYONE, file.bytes)) {
        this.perClientBytes.giveBack(client, file.bytes);
        notKept.push({ name: file.name, reason: 'quota' });
      } else {
        kept.push(file);
      }
    }
    return { kept, notKept };
  }

  /** The smaller free space of the data folder (the embedded database, keys) and the temporary folder. */
  private async freeBytes(): Promise<number> {
    const free = async (folder: string) => {
      try {
        const s = await statfs(folder);
        return s.bavail * s.bsize;
      } catch {
        return Number.POSITIVE_INFINITY; // a folder not made yet (first start) says nothing about the disk
      }
    };
    return Math.min(await free(this.config.dataDir), await free(os.tmpdir()));
  }
}
