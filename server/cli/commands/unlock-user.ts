import { defineCommand, line, stringOption } from '../command.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { clearLockout } from '../../modules/users/users.service.ts';
import { operatorEvent, parseEmail, resolveUser } from '../lookup.ts';

export const unlockUser = defineCommand({
  name: 'unlock-user',
  summary: 'Unlock an account locked after repeated failed sign-ins.',
  details: ['Also for the last administrator, who has nobody left to unlock them in the staff app.'],
  options: { email: { type: 'string', required: true, placeholder: 'EMAIL', description: 'the account’s email address' } },
  examples: ['unlock-user --email dana@rpd.example'],
  parse: (values) => ({ email: parseEmail(stringOption(values, 'email')) }),
  async run({ args, haven, io }) {
    const { ctx } = haven;
    const user = await ctx.db.transaction().execute(async (trx) => {
      const user = await resolveUser(trx, args.email);
      const lockedAt = user.sign_in_locked_at ?? user.locked_at;
      await clearLockout(trx, user.id);
      await recordAudit(trx, ctx.keys, operatorEvent({ action: 'user.unlocked', entityType: 'user', entityId: user.id, details: { wasLocked: lockedAt !== null } }));
      return { ...user, lockedAt };
    });
    line(io, user.lockedAt
      ? `Unlocked ${user.email} (locked since ${user.lockedAt.toISOString()}). They can sign in again.`
      : `${user.email} was not locked; their count of failed sign-ins is reset.`);
    if (user.disabled_at) line(io, `Note: the account is disabled; an administrator enables it in the staff app.`);
  },
});
