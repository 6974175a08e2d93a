import i18n from '../i18n/i18n.ts';

export interface FieldProblem {
  path: string;
  message: string;
}

/** The one error shape the server answers with, plus `network` when no answer came at all. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
    /** The language the server wrote `message` in, when it said so. */
    readonly language: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  /** A body sent as it is, such as a CSV file, instead of JSON. */
  rawBody?: { contentType: string; data: string };
  query?: Record<string, string | number | undefined | null>;
  signal?: AbortSignal;
  /**
   * A 401 from these calls is an answer for the form (a wrong password or code), not a sign that the
   * session ended, so it does not send the person back to sign-in.
   */
  expectUnauthorized?: boolean;
  /**
   * A timed refetch nobody asked for (polling): sent with X-Haven-Background so that the server answers it
   * without counting it as the person's activity, and a screen left open lets the session end when idle.
   */
  background?: boolean;
}

let csrfToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;

/** Kept from the sign-in, MFA and session answers; sent with every request that changes something. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when an authenticated call answers 401: the session ended or never was. */
export function onUnauthorized(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

function buildUrl(path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function readError(response: Response): Promise<ApiError> {
  const language = response.headers.get('Content-Language');
  try {
    const payload = (await response.json()) as { error?: { code?: string; message?: string; fields?: FieldProblem[] } };
    const error = payload.error ?? {};
    return new ApiError(response.status, error.code ?? 'internal', error.message ?? response.statusText, error.fields ?? [], language);
  } catch {
    return new ApiError(response.status, response.status >= 500 ? 'internal' : 'bad_request', response.statusText, [], language);
  }
}

/** Calls the Haven API. Resolves with the JSON answer (undefined for 204) or rejects with an ApiError. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': i18n.language };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.rawBody) headers['Content-Type'] = options.rawBody.contentType;
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (options.background) headers['X-Haven-Background'] = '1';

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.rawBody ? options.rawBody.data : options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network', 'The server could not be reached.');
  }

  if (!response.ok) {
    const error = await readError(response);
    if (response.status === 401 && !options.expectUnauthorized) unauthorizedHandler?.();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, options: Omit<RequestOptions, 'method' | 'body'> = {}) => apiRequest<T>(path, { ...options, method: 'GET' }),
  post: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...options, method: 'POST', body: body ?? {} }),
  patch: <T>(path: string, body: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...options, method: 'PATCH', body }),
};
