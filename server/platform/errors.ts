/**
 * The one closed table of error codes. Every failure a client can see is one of these; the HTTP edge maps the
 * code to a status and the `{ error: { code, message, fields? } }` shape. Anything else is a bug and answers
 * 500 `internal` without details.
 */
export const errorStatus = {
  bad_request: 400,
  validation_failed: 400,
  invalid_json: 400,
  weak_password: 400,
  unauthenticated: 401,
  sign_in_failed: 401,
  mfa_required: 401,
  mfa_invalid: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  route_not_found: 404,
  conflict: 409,
  already_set_up: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  /** A file to import has rows that cannot be taken; `fields` names each one (`rows.<n>.<field>`) and nothing was written. */
  import_rejected: 422,
  /** Safe Harbor: a minor victim cannot be arrested or charged for commercial sex; only a supervisor may override, with a reason. */
  safe_harbor: 422,
  /** A consent that cannot be taken: a minor without a non-abusive parent or guardian, or a signer recorded as an alleged trafficker. */
  consent_refused: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface FieldProblem {
  path: string;
  message: string;
}

/** What the audit trail records of a refused read: the requester's own input (the id), never the record. */
export interface RefusalAudit {
  action: string;
  entityType: string;
  entityId: string;
}

export class AppError extends Error {
  /** A refusal of access (audited at the edge), as opposed to, say, a mistyped current password. */
  readonly accessDenial: boolean;
  readonly refusal?: RefusalAudit;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldProblem[],
    options: { accessDenial?: boolean; refusal?: RefusalAudit } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.accessDenial = options.accessDenial ?? (code === 'forbidden' || options.refusal !== undefined);
    if (options.refusal) this.refusal = options.refusal;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found.`);
/**
 * A staff read of a record the actor may not see (another agency's, or without consent): answers exactly like
 * `notFound`, so the record's existence is not confirmed, and is audited at the edge as `<type>.read_refused`
 * with the id asked for, whether or not such a record exists.
 */
export const refusedRead = (what: string, entityType: string, entityId: string) =>
  new AppError('not_found', `${what} was not found.`, undefined, { refusal: { action: `${entityType}.read_refused`, entityType, entityId } });
export const forbidden = (message = 'You do not have permission to do this.') => new AppError('forbidden', message);
export const conflict = (message: string) => new AppError('conflict', message);
