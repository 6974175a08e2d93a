import type { FastifyInstance, FastifyRequest } from 'fastify';
import { cleanText, textProblem, type TextProblem } from '../../../common/text/unstorable.ts';
import { AppError, type FieldProblem } from '../errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * What to do with text that cannot be stored (NUL, other control characters, lone surrogates). `refuse`
     * (the default) answers 400 naming the field; `clean` removes or replaces the characters, for the public,
     * whose report must not be lost because the phone's app was broken (decision 016).
     */
    unstorableText?: 'refuse' | 'clean';
  }
  interface FastifyRequest {
    /** Whether characters were removed or replaced in this request's input (routes in `clean` mode). */
    hadUnstorableText: boolean;
  }
}

const PROBLEM_MESSAGE: Record<TextProblem, string> = {
  nul: 'contains a NUL character, an invisible character that broken copy and paste leaves behind. Delete it or retype the text, then try again.',
  control: 'contains an invisible control character that broken copy and paste leaves behind. Delete it or retype the text, then try again.',
  lone_surrogate: 'contains half of a character (a broken emoji or symbol). Delete it or retype the text, then try again.',
};

const PARTS = ['params', 'query', 'body'] as const;
/** A body may hold thousands of bad strings; naming the first few is enough to act on. */
const MAX_NAMED = 10;

/**
 * Checks every string (and every key) of every request's path parameters, query and JSON or form body before
 * the route's schema sees them, so that a new route is covered without doing anything. Runs without recursion:
 * a body may be nested thousands of levels deep.
 */
export function installTextGuard(app: FastifyInstance): void {
  app.decorateRequest('hadUnstorableText', false);
  app.addHook('preValidation', async (request) => {
    const mode = request.routeOptions.config?.unstorableText ?? 'refuse';
    if (mode === 'clean') {
      request.hadUnstorableText = cleanRequest(request);
      return;
    }
    const problems: FieldProblem[] = [];
    for (const part of PARTS) {
      findProblems(request[part], part, problems);
      if (problems.length >= MAX_NAMED) break;
    }
    if (problems.length) throw new AppError('validation_failed', 'Some fields contain characters that cannot be saved.', problems);
  });
}

function findProblems(root: unknown, rootPath: string, problems: FieldProblem[]): void {
  const stack: Array<[unknown, string]> = [[root, rootPath]];
  while (stack.length && problems.length < MAX_NAMED) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) problems.push({ path, message: PROBLEM_MESSAGE[problem] });
    } else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
      for (const [key, child] of Object.entries(value)) {
        const problem = textProblem(key);
        if (problem) problems.push({ path: `${path}.(a field name)`, message: PROBLEM_MESSAGE[problem] });
        else stack.push([child, `${path}.${key}`]);
      }
    }
  }
}

/** Cleans the request's input in place; true when anything had to change. */
function cleanRequest(request: FastifyRequest): boolean {
  let changed = false;
  for (const part of PARTS) {
    const value = request[part];
    if (typeof value === 'string' && textProblem(value)) {
      (request as unknown as Record<string, unknown>)[part] = cleanText(value);
      changed = true;
    } else if (cleanInPlace(value)) changed = true;
  }
  return changed;
}

/** Cleans every string and key of a parsed body in place (without recursion); true when anything changed. */
export function cleanInPlace(root: unknown): boolean {
  let changed = false;
  const stack: unknown[] = [root];
  while (stack.length) {
    const value = stack.pop();
    if (!value || typeof value !== 'object' || Buffer.isBuffer(value)) continue;
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const child = record[key];
      const cleanKey = textProblem(key) ? cleanText(key) : key;
      const cleanChild = typeof child === 'string' && textProblem(child) ? cleanText(child) : child;
      if (cleanKey !== key) delete record[key];
      if (cleanKey !== key || cleanChild !== child) {
        record[cleanKey] = cleanChild;
        changed = true;
      }
      if (cleanChild && typeof cleanChild === 'object') stack.push(cleanChild);
    }
  }
  return changed;
}
