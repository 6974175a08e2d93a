import { defineCommand, line, stringOption, UsageError, type CliIo } from '../command.ts';
import { verifyAuditChain, type AuditVerification } from '../../platform/audit/verify.ts';
import { writeAuditCheckpoint } from '../../platform/audit/checkpoint.ts';
import type { CliHaven } from '../command.ts';

/** Exit code for a trail that does not verify: distinct from 1 (a usage or operational error). */
export const BROKEN = 2;

export const verifyAudit = defineCommand({
  name: 'verify-audit',
  summary: 'Check every link of the hash-chained audit trail with the master key.',
  details: [
    'An edited entry fails its own hash; an inserted or deleted entry breaks the next link of its lane, and',
    'every checkpoint checks where each lane ended. Exit code 2 means the trail is broken. A trail that verifies',
    'gets a new checkpoint, printed as the head: write it down somewhere else (a ticket, another system) and',
    'pass it back with --expect-head, which catches the removal of everything after it.',
  ],
  options: {
    'expect-head': { type: 'string', placeholder: 'SEQ:HASH', description: 'a head recorded earlier that must still be in the trail' },
  },
  examples: ['verify-audit', 'verify-audit --expect-head 1042:9f2c…'],
  open: { migrate: false },
  parse(values) {
    const head = stringOption(values, 'expect-head', 'optional');
    if (head === undefined) return { expect: null };
    const match = /^(\d+):([0-9a-f]{64})$/.exec(head);
    if (!match) throw new UsageError('--expect-head: give SEQ:HASH as printed by an earlier verify-audit (a number, a colon, 64 hex digits).');
    return { expect: { seq: Number(match[1]), hash: match[2]! } };
  },
  async run({ args, haven, io }) {
    const result = await verifyAuditChain(haven.ctx.db, haven.ctx.keys);
    const broken = report(io, result);
    if (broken !== null) return broken;
    if (args.expect) {
      const recorded = await checkRecordedHead(haven, io, args.expect);
      if (recorded !== 0) return recorded;
    }
    // Only a trail that verified is sealed with a checkpoint, which then covers every lane up to now.
    const checkpoint = await writeAuditCheckpoint(haven.ctx.db, haven.ctx.keys);
    line(io, `Head: ${checkpoint.seq}:${checkpoint.hash}`);
    line(io, 'Record the head elsewhere; a later check with --expect-head detects removal of the newest entries.');
    return 0;
  },
});

export function report(io: CliIo, result: AuditVerification): number | null {
  if (!result.ok) {
    const broken = result.firstBroken!;
    io.stderr.write(`Audit trail BROKEN at seq ${broken.seq}: ${broken.reason}.\n`);
    io.stderr.write(`${result.checked} entries before it verified${result.head ? ` (up to seq ${result.head.seq})` : ''}.\n`);
    return BROKEN;
  }
  line(io, `Audit trail OK: ${result.checked} entries checked.`);
  return null;
}

async function checkRecordedHead(haven: CliHaven, io: CliIo, expect: { seq: number; hash: string }): Promise<number> {
  const entry = await haven.ctx.db.selectFrom('audit_log').select('hash').where('seq', '=', expect.seq).executeTakeFirst();
  if (entry?.hash !== expect.hash) {
    io.stderr.write(`Audit trail BROKEN: the recorded head ${expect.seq} is ${entry ? 'different' : 'missing'} (entries at the end were removed or rewritten).\n`);
    return BROKEN;
  }
  line(io, `The recorded head ${expect.seq} is still in the trail.`);
  return 0;
}
