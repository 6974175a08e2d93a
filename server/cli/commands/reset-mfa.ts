import { defineCommand, line, stringOption } from '../command.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { clearMfa } from '../../modules/users/users.service.ts';
import { operatorEvent, parseEmail, resolveUser } from '../lookup.ts';

export const resetMfa = defineCommand({
  name: 'reset-mfa',
  summary: 'Remove a person’s authenticator and recovery codes (a lost phone); their sessions end.',
  details: ['At their next sign-in, after their password, they enroll a new authenticator app.'],
  options: { email: { type: 'string', required: true, placeholder: 'EMAIL', description: 'the account’s email address' } },
  examples: ['reset-mfa --email dana@rpd.example'],
  parse: (values) => ({ email: parseEmail(stringOption(values, 'email')) }),
  async run({ args, haven, io }) {
    const { ctx } = haven;
    const { user, ended } = await ctx.db.transaction().execute(async (trx) => {
      const user = await resolveUser(trx, args.email);
      const ended = await clearMfa(trx, ctx, user.id);
      await recordAudit(trx, ctx.keys, operatorEvent({ action: 'user.mfa_reset', entityType: 'user', entityId: user.id, details: { sessionsEnded: ended } }));
      return { user, ended };
    });
    line(io, `Removed the authenticator and recovery codes of ${user.email}; ended ${ended} session${ended === 1 ? '' : 's'}.`);
    line(io, 'They will enroll a new authenticator app at their next sign-in.');
    if (user.locked_at) line(io, 'Note: the account is also locked; run unlock-user to lift that.');
  },
});
