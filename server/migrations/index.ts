import type { Migration } from 'kysely';
import * as foundation from './2026-11-23T1500_foundation.ts';
import * as tips from './2026-11-23T1600_tips.ts';
import * as tipContentHash from './2026-11-23T1700_tip_content_hash.ts';
import * as auditLanes from './2026-11-23T1800_audit_lanes.ts';
import * as directory from './2026-11-23T1900_directory.ts';
import * as safePlaces from './2026-11-23T1910_safe_places.ts';
import * as cases from './2026-11-23T2000_cases.ts';
import * as entities from './2026-11-23T2010_entities.ts';
import * as deconfliction from './2026-11-23T2020_deconfliction.ts';
import * as survivors from './2026-11-24T1000_survivors.ts';
import * as signInLock from './2026-11-24T1200_sign_in_lock.ts';
import * as accountTokenProvenance from './2026-11-25T1130_account_token_provenance.ts';
import * as rekeyNames from './2026-11-25T1200_rekey_names_any_script.ts';

/**
 * Every migration, in order. Names are timestamps; a migration is never edited after it lands: a change is
 * a new migration.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-23T1500_foundation': foundation,
  '2026-11-23T1600_tips': tips,
  '2026-11-23T1700_tip_content_hash': tipContentHash,
  '2026-11-23T1800_audit_lanes': auditLanes,
  '2026-11-23T1900_directory': directory,
  '2026-11-23T1910_safe_places': safePlaces,
  '2026-11-23T2000_cases': cases,
  '2026-11-23T2010_entities': entities,
  '2026-11-23T2020_deconfliction': deconfliction,
  '2026-11-24T1000_survivors': survivors,
  '2026-11-24T1200_sign_in_lock': signInLock,
  '2026-11-25T1130_account_token_provenance': accountTokenProvenance,
  '2026-11-25T1200_rekey_names_any_script': rekeyNames,
};
