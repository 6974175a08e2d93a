import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '../tips/attachments.ts';
import type { UploadedFile } from '../tips/tips.intake.ts';
import type { FormValues } from './report-form.ts';
import { cleanText, textProblem } from '../../../common/text/unstorable.ts';

export const MULTIPART_LIMITS = { fileSize: MAX_ATTACHMENT_BYTES, files: MAX_ATTACHMENTS, fields: 80, fieldSize: 128 * 1024, parts: 90 };

export interface PortalForm {
  values: FormValues;
  files: UploadedFile[];
  /** Files that could not even be written to a temporary file (a full disk): the report goes on without them. */
  unwritten: string[];
  /** Whether text that cannot be stored had to be removed or replaced (decision 016). */
  cleaned: boolean;
  /** Removes the temporary files; call when the request is answered. */
  discard(): Promise<void>;
}

const tooLarge = () => new AppError('payload_too_large', 'Each file can be at most 10 MB.', [{ path: 'files', message: 'Each file can be at most 10 MB.' }]);

/**
 * Reads a portal form, url-encoded or multipart, into text fields and files. Files are streamed to a private
 * temporary folder as they arrive (never held whole in memory), each cut off at the size limit. Text that cannot
 * be stored is cleaned, not refused (decision 016); a url-encoded body was already cleaned by the text guard.
 */
export async function readForm(request: FastifyRequest): Promise<PortalForm> {
  if (!request.isMultipart()) {
    const body = (request.body ?? {}) as Record<string, unknown>;
    return { values: Object.fromEntries(Object.entries(body).map(([k, v]) => [k, Array.isArray(v) ? String(v[0] ?? '') : String(v ?? '')])), files: [], unwritten: [], cleaned: request.hadUnstorableText, discard: async () => {} };
  }
  let cleaned = request.hadUnstorableText;
  const keep = (text: string) => {
    if (!textProblem(text)) return text;
    cleaned = true;
    return cleanText(text);
  };
  const values: FormValues = {};
  const files: UploadedFile[] = [];
  const unwritten: string[] = [];
  let folder: string | null = null;
  const discard = async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  };
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const name = (part.filename || `file ${files.length + unwritten.length + 1}`).slice(0, 120);
        folder ??= await mkdtemp(path.join(os.tmpdir(), 'haven-upload-'));
        const target = path.join(folder, `${files.length + unwritten.length}`);
        let bytes = 0;
        part.file.on('data', (chunk: Buffer) => (bytes += chunk.length));
        try {
          await pipeline(part.file, createWriteStream(target, { mode: 0o600 }));
        } catch (error) {
          if ((error as { code?: string }).code !== 'ENOSPC') throw error;
          part.file.resume(); // read the rest of this file off the wire and carry on with the form
          unwritten.push(name);
          continue;
        }
        if (part.file.truncated) throw tooLarge();
        if (bytes > 0) files.push({ path: target, bytes, name });
      } else {
        const name = keep(part.fieldname);
        if (!(name in values)) values[name] = keep(String(part.value ?? ''));
      }
    }
  } catch (error) {
    await discard();
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code === 'FST_FILES_LIMIT') throw new AppError('validation_failed', `Attach at most ${MAX_ATTACHMENTS} files.`, [{ path: 'files', message: `Attach at most ${MAX_ATTACHMENTS} files.` }]);
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    if (code.startsWith('FST_')) throw new AppError('bad_request', 'The form could not be read. Please try again.');
    throw error;
  }
  return { values, files, unwritten, cleaned, discard };
}
