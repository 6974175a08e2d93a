import { defineCommand, line, stringOption, UsageError } from '../command.ts';
import { insertAgencyChecked } from '../../modules/agencies/agencies.service.ts';
import { agencyInput } from '../../modules/agencies/agencies.schema.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { AGENCY_TYPES } from '../../../common/access/agencies.ts';
import { operatorEvent, parseAgencyType } from '../lookup.ts';

const FLAGS: Record<string, string> = { name: 'name', shortName: 'short-name', type: 'type', contactEmail: 'contact-email', contactPhone: 'contact-phone' };

export const createAgency = defineCommand({
  name: 'create-agency',
  summary: 'Add a member agency of the task force.',
  details: [`Types: ${AGENCY_TYPES.join(', ')}.`],
  options: {
    name: { type: 'string', required: true, placeholder: 'NAME', description: 'the agency’s full name (unique)' },
    type: { type: 'string', required: true, placeholder: 'TYPE', description: 'one of the agency types listed above' },
    'short-name': { type: 'string', placeholder: 'ABBR', description: 'a short name, e.g. RPD' },
    'contact-email': { type: 'string', placeholder: 'EMAIL', description: 'the agency’s contact address' },
    'contact-phone': { type: 'string', placeholder: 'PHONE', description: 'the agency’s contact number' },
  },
  examples: ['create-agency --name "Riverside Police Department" --type law_enforcement --short-name RPD'],
  parse(values) {
    const type = parseAgencyType(stringOption(values, 'type'));
    // The API's own schema, so the CLI accepts exactly what the staff app accepts.
    const parsed = agencyInput.safeParse({
      name: stringOption(values, 'name'),
      type,
      shortName: stringOption(values, 'short-name', 'optional'),
      contactEmail: stringOption(values, 'contact-email', 'optional'),
      contactPhone: stringOption(values, 'contact-phone', 'optional'),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new UsageError(`--${FLAGS[String(issue.path[0])] ?? String(issue.path[0])}: ${issue.message}`);
    }
    return parsed.data;
  },
  async run({ args, haven, io }) {
    const { ctx } = haven;
    const agency = await ctx.db.transaction().execute(async (trx) => {
      const row = await insertAgencyChecked(trx, args);
      await recordAudit(trx, ctx.keys, operatorEvent({ action: 'agency.created', entityType: 'agency', entityId: row.id, details: { type: args.type } }));
      return row;
    });
    line(io, `Created agency "${agency.name}" (${agency.type}).`);
    line(io, `  id: ${agency.id}`);
  },
});
