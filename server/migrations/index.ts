import type { Migration } from 'kysely';
import * as foundation from './2026-11-23T1500_foundation.ts';
import * as tips from './2026-11-23T1600_tips.ts';
import * as tipContentHash from './2026-11-23T1700_tip_content_hash.ts';

/**
 * Every migration, in order. Names are timestamps; a migration is never edited after it lands: a change is
 * a new migration.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-23T1500_foundation': foundation,
  '2026-11-23T1600_tips': tips,
  '2026-11-23T1700_tip_content_hash': tipContentHash,
};
