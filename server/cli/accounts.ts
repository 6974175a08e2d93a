import type { Transaction } from 'kysely';
import type { AppContext } from '../platform/context.ts';
import type { DB } from '../platform/db/schema.ts';
import { recordAudit } from '../platform/audit/audit.ts';
import { insertUserAccount } from '../modules/users/users.service.ts';
import { issueAccountToken } from '../modules/auth/account-tokens.ts';
import type { Role } from '../../common/access/roles.ts';
import { line, type CliIo } from './command.ts';
import { operatorEvent } from './lookup.ts';

export interface NewAccount {
  userId: string;
  activationUrl: string;
  expiresAt: Date;
}

/**
 * Adds a person without a password and returns their one-time activation link: they choose the password
 * themselves, so it never appears on a command line, in shell history or in a process list.
 */
export async function addAccount(
  trx: Transaction<DB>,
  ctx: AppContext,
  input: { agencyId: string; email: string; displayName: string; roles: readonly Role[] },
): Promise<NewAccount> {
  const userId = await insertUserAccount(trx, ctx, input);
  const link = await issueAccountToken(trx, ctx, 'activate', userId);
  await recordAudit(trx, ctx.keys, operatorEvent({ action: 'user.created', entityType: 'user', entityId: userId, details: { agencyId: input.agencyId, roles: [...input.roles] } }));
  return { userId, activationUrl: link.url, expiresAt: link.expiresAt };
}

export function printActivation(io: CliIo, account: NewAccount): void {
  line(io, `  id: ${account.userId}`);
  line(io);
  line(io, `One-time activation link (works once, until ${account.expiresAt.toISOString()}):`);
  line(io);
  line(io, `  ${account.activationUrl}`);
  line(io);
  line(io, 'Give it to the person over a channel you trust. They choose their own password and enroll an');
  line(io, 'authenticator app when they open it.');
}
