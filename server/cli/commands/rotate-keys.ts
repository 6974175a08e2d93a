import { defineCommand, line } from '../command.ts';
import { rotateSurvivorKeys } from '../../modules/survivors/key-rotation.ts';

export const rotateKeys = defineCommand({
  name: 'rotate-keys',
  summary: 'Rotate the survivor records’ encryption keys (re-wrap the data keys; --full re-encrypts everything).',
  details: [
    'Every agency’s survivor data keys are wrapped by a key-encrypting key derived from the master key. This',
    're-wraps them under the next generation of that key and starts a new data-key version for new writes.',
    'With --full, every sealed field, document and blind index is rewritten under the new version and the old',
    'versions are deleted. Runs in one transaction; back up first (see docs/operations.md).',
  ],
  options: {
    full: { type: 'boolean', description: 're-encrypt every record and document and delete the old data keys' },
  },
  examples: ['rotate-keys', 'rotate-keys --full'],
  parse: (values) => ({ full: values.full === true }),
  async run({ args, haven, io }) {
    const s = await rotateSurvivorKeys(haven.ctx, { full: args.full });
    line(io, `Key-encrypting key generation ${s.kekGeneration}: ${s.dataKeysRewrapped} data key${s.dataKeysRewrapped === 1 ? '' : 's'} of ${s.agencies} agenc${s.agencies === 1 ? 'y' : 'ies'} re-wrapped; each agency has a new key version.`);
    if (args.full) line(io, `Re-encrypted ${s.recordsReencrypted} records and ${s.documentsReencrypted} documents; deleted ${s.versionsDeleted} old key versions.`);
  },
});
