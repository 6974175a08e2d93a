import { defineCommand, line, stringOption } from '../command.ts';
import { AppError } from '../../platform/errors.ts';
import { addAccount, printActivation } from '../accounts.ts';
import { assertRolesFit, parseEmail, parseName, parseRoles, resolveAgency } from '../lookup.ts';
import { ROLES } from '../../../common/access/roles.ts';

export const createUser = defineCommand({
  name: 'create-user',
  summary: 'Add a person to an agency and print their one-time activation link.',
  details: [`Roles: ${ROLES.join(', ')}. Some roles exist only in some kinds of agency (an investigator in law enforcement, a victim advocate in a service provider).`],
  options: {
    email: { type: 'string', required: true, placeholder: 'EMAIL', description: 'their email address (their sign-in name)' },
    name: { type: 'string', required: true, placeholder: 'NAME', description: 'their name as colleagues know it' },
    agency: { type: 'string', required: true, placeholder: 'ID|NAME', description: 'the agency’s id or exact name' },
    roles: { type: 'string', required: true, placeholder: 'R1,R2', description: 'comma-separated roles' },
  },
  examples: ['create-user --email dana@rpd.example --name "Dana Reyes" --agency "Riverside Police Department" --roles investigator'],
  parse(values) {
    return {
      email: parseEmail(stringOption(values, 'email')),
      displayName: parseName(stringOption(values, 'name')),
      agency: stringOption(values, 'agency'),
      roles: parseRoles(stringOption(values, 'roles')),
    };
  },
  async run({ args, haven, io }) {
    const { ctx } = haven;
    const { agency, account } = await ctx.db.transaction().execute(async (trx) => {
      const agency = await resolveAgency(trx, args.agency);
      if (!agency.is_active) throw new AppError('validation_failed', `${agency.name} is deactivated; reactivate it before adding people to it.`);
      assertRolesFit(args.roles, agency);
      return { agency, account: await addAccount(trx, ctx, { agencyId: agency.id, email: args.email, displayName: args.displayName, roles: args.roles }) };
    });
    line(io, `Created ${args.email} (${args.displayName}) in ${agency.name} with roles ${args.roles.join(', ')}.`);
    printActivation(io, account);
  },
});
