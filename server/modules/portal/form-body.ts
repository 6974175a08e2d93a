import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '../tips/attachments.ts';
import type { UploadedFile } from '../tips/tips.intake.ts';
import type { FormValues } from './report-form.ts';
import { cleanText, textProblem } from '../../../common/text/unstorable.ts';

export const MULTIPART_LIMITS = { fileSize: MAX_ATTACHMENT_BYTES, files: MAX_ATTACHMENTS, fields: 80, fieldSize: 128 * 1024, parts: 90 };

/**
 * Reads a portal form, url-encoded or multipart, into text fields and files held in memory. Text that cannot be
 * stored is cleaned, not refused (decision 016): `cleaned` says whether anything had to be removed or replaced.
 * (A url-encoded body was already cleaned by the text guard, before validation.)
 */
export async function readForm(request: FastifyRequest): Promise<{ values: FormValues; files: UploadedFile[]; cleaned: boolean }> {
  if (!request.isMultipart()) {
    const body = (request.body ?? {}) as Record<string, unknown>;
    return { values: Object.fromEntries(Object.entries(body).map(([k, v]) => [k, Array.isArray(v) ? String(v[0] ?? '') : String(v ?? '')])), files: [], cleaned: request.hadUnstorableText };
  }
  let cleaned = request.hadUnstorableText;
  const keep = (text: string) => {
    if (!textProblem(text)) return text;
    cleaned = true;
    return cleanText(text);
  };
  const values: FormValues = {};
  const files: UploadedFile[] = [];
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (part.file.truncated) throw new AppError('payload_too_large', 'Each file can be at most 10 MB.', [{ path: 'files', message: 'Each file can be at most 10 MB.' }]);
        if (data.length > 0) files.push({ data });
      } else {
        const name = keep(part.fieldname);
        if (!(name in values)) values[name] = keep(String(part.value ?? ''));
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code === 'FST_FILES_LIMIT') throw new AppError('validation_failed', `Attach at most ${MAX_ATTACHMENTS} files.`, [{ path: 'files', message: `Attach at most ${MAX_ATTACHMENTS} files.` }]);
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('payload_too_large', 'Each file can be at most 10 MB.', [{ path: 'files', message: 'Each file can be at most 10 MB.' }]);
    if (code.startsWith('FST_')) throw new AppError('bad_request', 'The form could not be read. Please try again.');
    throw error;
  }
  return { values, files, cleaned };
}
