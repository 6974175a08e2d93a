import type { Command } from '../command.ts';
import { migrate } from './migrate.ts';
import { createAdmin } from './create-admin.ts';
import { createAgency } from './create-agency.ts';
import { createUser } from './create-user.ts';
import { unlockUser } from './unlock-user.ts';
import { resetMfa } from './reset-mfa.ts';
import { backup } from './backup.ts';
import { restore } from './restore.ts';
import { verifyAudit } from './verify-audit.ts';
import { rotateKeys } from './rotate-keys.ts';

/** Every command, in the order `--help` lists them. */
export const commands: Command[] = [migrate, createAdmin, createAgency, createUser, unlockUser, resetMfa, backup, restore, verifyAudit, rotateKeys];
