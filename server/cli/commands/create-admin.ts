import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { defineCommand, line, stringOption, UsageError } from '../command.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { insertAgencyChecked } from '../../modules/agencies/agencies.service.ts';
import { listAgencies } from '../../modules/agencies/agencies.repo.ts';
import { countActiveTaskforceAdmins } from '../../modules/users/users.repo.ts';
import { addAccount, printActivation } from '../accounts.ts';
import { operatorEvent, parseEmail, parseName } from '../lookup.ts';

export const createAdmin = defineCommand({
  name: 'create-admin',
  summary: 'Create the first task-force administrator and print their one-time activation link.',
  details: [
    'The administrator belongs to the task-force coordinator agency, created here when it does not exist yet',
    '(name it with --agency-name). They get the roles taskforce_admin and agency_admin.',
    'Refused when an active task-force administrator already exists, unless --force.',
  ],
  options: {
    email: { type: 'string', required: true, placeholder: 'EMAIL', description: 'their email address' },
    name: { type: 'string', required: true, placeholder: 'NAME', description: 'their name' },
    'agency-name': { type: 'string', placeholder: 'NAME', description: 'the coordinator agency (created if missing)' },
    force: { type: 'boolean', description: 'add another administrator even though one exists' },
  },
  examples: ['create-admin --email chair@taskforce.example --name "Sam Ortiz" --agency-name "Riverside Anti-Trafficking Task Force"'],
  parse(values) {
    const agencyName = stringOption(values, 'agency-name', 'optional');
    if (agencyName !== undefined && (agencyName.length < 2 || agencyName.length > 200)) throw new UsageError('--agency-name: use 2 to 200 characters.');
    return { email: parseEmail(stringOption(values, 'email')), displayName: parseName(stringOption(values, 'name')), agencyName, force: values.force === true };
  },
  async run({ args, haven, io }) {
    const { ctx } = haven;
    const result = await ctx.db.transaction().execute(async (trx) => {
      if (!args.force && (await countActiveTaskforceAdmins(trx)) > 0) {
        throw new AppError('conflict', 'A task-force administrator already exists. Add people with create-user, or pass --force to add another administrator.');
      }
      const agency = await coordinatorAgency(trx, args.agencyName);
      if (agency.created) await recordAudit(trx, ctx.keys, operatorEvent({ action: 'agency.created', entityType: 'agency', entityId: agency.id, details: { type: 'task_force_coordinator' } }));
      const account = await addAccount(trx, ctx, { agencyId: agency.id, email: args.email, displayName: args.displayName, roles: ['taskforce_admin', 'agency_admin'] });
      return { agency, account };
    });
    if (result.agency.created) line(io, `Created the coordinator agency "${result.agency.name}".`);
    line(io, `Created task-force administrator ${args.email} (${args.displayName}) in ${result.agency.name}.`);
    printActivation(io, result.account);
  },
});

/** The named coordinator agency (created when missing), or the only one there is. */
async function coordinatorAgency(trx: Transaction<DB>, name: string | undefined): Promise<{ id: string; name: string; created: boolean }> {
  const agencies = await listAgencies(trx);
  if (name) {
    const found = agencies.find((a) => a.name.toLowerCase() === name.toLowerCase());
    if (!found) {
      const row = await insertAgencyChecked(trx, { name, shortName: null, type: 'task_force_coordinator', contactEmail: null, contactPhone: null });
      return { id: row.id, name: row.name, created: true };
    }
    if (found.type !== 'task_force_coordinator' || !found.is_active) {
      throw new AppError('validation_failed', `"${found.name}" is ${found.is_active ? `a ${found.type} agency` : 'deactivated'}; a task-force administrator belongs to an active task_force_coordinator agency.`);
    }
    return { id: found.id, name: found.name, created: false };
  }
  const coordinators = agencies.filter((a) => a.type === 'task_force_coordinator' && a.is_active);
  if (coordinators.length === 1) return { id: coordinators[0]!.id, name: coordinators[0]!.name, created: false };
  throw new UsageError(coordinators.length === 0
    ? '--agency-name is required: there is no task-force coordinator agency yet, and this names the one to create.'
    : `--agency-name is required: choose one of the coordinator agencies (${coordinators.map((a) => a.name).join(', ')}).`);
}
