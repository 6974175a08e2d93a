import { z } from 'zod';
import path from 'node:path';
import { isIP } from 'node:net';

const knownTimeZones = new Map<string, boolean>();

/** Whether the runtime knows this IANA time zone name (remembered: asking Intl costs a fraction of a millisecond). */
export function isTimeZone(name: string): boolean {
  let known = knownTimeZones.get(name);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: name });
      known = /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(name);
    } catch {
      known = false;
    }
    if (knownTimeZones.size < 1000) knownTimeZones.set(name, known);
  }
  return known;
}

/** A map tile URL template such as https://tile.openstreetmap.org/{z}/{x}/{y}.png; "off" or empty for none. */
const tileTemplate = z
  .string()
  .trim()
  .refine((v) => v === '' || v === 'off' || (/^https?:\/\/[^\s"'<>;]+$/.test(v) && ['{z}', '{x}', '{y}'].every((p) => v.includes(p))), 'must be an http(s) URL template with {z}, {x} and {y}, or "off"');

/** One proxy address or CIDR range (10.0.0.0/8, ::1, fd00::/8). */
function isAddressOrRange(entry: string): boolean {
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/**
 * Which proxies may say who the client is (X-Forwarded-For/-Proto): "off", a hop count, or the proxies'
 * addresses. "true" (trust everyone) is refused: any client could then choose its own address.
 */
const trustProxySetting = z
  .string()
  .trim()
  .refine((v) => v === '' || v === 'off' || v === 'false' || /^([1-9]|10)$/.test(v) || v.split(',').every((e) => isAddressOrRange(e.trim())), 'must be "off", a hop count from 1 to 10, or a comma-separated list of proxy addresses or CIDR ranges ("true" would let any client pick its own address)')
  .transform((v): false | number | string[] => (v === '' || v === 'off' || v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v.split(',').map((e) => e.trim())));

/**
 * Configuration is read once, here, from the environment. Every problem is listed at once so an operator
 * fixes them in one go instead of one restart per mistake. Nothing else in Haven reads process.env.
 */
const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.url().optional(),
  TRUST_PROXY: trustProxySetting.default(false),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  HAVEN_DATA_DIR: z.string().min(1).default('./data'),
  /** 32 random bytes, base64. Without it, Haven creates one in HAVEN_DATA_DIR/keys on first start. */
  HAVEN_MASTER_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes encoded as base64')
    .optional(),
  HAVEN_KEY_FILE: z.string().optional(),
  /** 1: accept a key file that other users can read (a shared volume that cannot be fixed), with a loud warning. */
  HAVEN_KEY_FILE_PERMISSIVE: z.enum(['0', '1']).default('0'),
  /** Encrypts backups with this passphrase instead of the master key; restoring them needs it too. */
  HAVEN_BACKUP_PASSPHRASE: z.string().min(12, 'must be at least 12 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(240).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24).default(12),
  ACCOUNT_INACTIVE_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  JOB_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(2000),
  // PostgreSQL server only: the embedded engine cannot interrupt a statement (decision 011). 0 turns it off.
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  DB_CLI_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(86_400_000).default(3_600_000),
  /** An urgent tip not reviewed within this many minutes is flagged to coordinators. */
  URGENT_TIP_REVIEW_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
  /** A directory capacity count older than this many hours is shown as stale (and left out of "free now" searches). */
  DIRECTORY_CAPACITY_STALE_HOURS: z.coerce.number().int().min(1).max(720).default(24),
  /** The IANA time zone of directory entries and hubs that do not name their own (imports, new entries). */
  DIRECTORY_DEFAULT_TIME_ZONE: z
    .string()
    .refine((v) => isTimeZone(v), 'must be an IANA time zone such as America/Chicago')
    .default('America/Chicago'),
  /** Shown on every public page; a deployment outside the US sets its own. */
  EMERGENCY_NUMBER: z.string().trim().min(1).max(20).default('911'),
  HOTLINE_PHONE: z.string().trim().min(1).max(40).default('1-888-373-7888'),
  HOTLINE_TEXT: z.string().trim().min(1).max(40).default('233733'),
  /** Where the Quick exit button goes: a neutral page that does not mention help or trafficking. */
  QUICK_EXIT_URL: z.url().default('https://www.weather.gov/'),
  /** Cookies are Secure unless the public URL is plain http (a laptop). */
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  /** Map tiles for the staff map ({z}/{x}/{y} template), or "off" for lists only. */
  MAP_TILE_URL: tileTemplate.default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
  MAP_TILE_ATTRIBUTION: z.string().trim().max(200).default('© OpenStreetMap contributors'),
  /** Map tiles on the public Safe Places finder. Unset: no map there, because tiles would tell the tile server where the visitor searched (decision 008). */
  PORTAL_MAP_TILE_URL: tileTemplate.optional(),
  PORTAL_MAP_TILE_ATTRIBUTION: z.string().trim().max(200).optional(),
  /** Anonymous reports one client may send in an hour (decision 013). */
  REPORTS_PER_CLIENT_HOUR: z.coerce.number().int().min(1).max(10_000).default(10),
  /** File bytes one client may have stored in an hour, and all clients together; past either, the words are kept, the files are not. */
  UPLOAD_MB_PER_CLIENT_HOUR: z.coerce.number().int().min(0).max(100_000).default(100),
  UPLOAD_MB_PER_HOUR: z.coerce.number().int().min(0).max(1_000_000).default(2_000),
  /** Below this much free space in HAVEN_DATA_DIR (or the temporary folder), new files are not kept; reports still are. */
  MIN_FREE_DISK_MB: z.coerce.number().int().min(0).max(10_000_000).default(1_024),
  /** Twilio's auth token: with it, /api/sms/twilio refuses requests without a valid X-Twilio-Signature. */
  TWILIO_AUTH_TOKEN: z.string().trim().min(16, 'must be the 32-character auth token from the Twilio console').max(128).optional(),
  /** The number people text "SAFE <ZIP>" to, shown on the public finder. */
  SAFE_PLACES_SMS_NUMBER: z.string().trim().min(3).max(40).optional(),
});

export type RawConfig = z.infer<typeof configSchema>;

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  /** False: the connecting address is the client; else the hop count or addresses of trusted reverse proxies. */
  trustProxy: false | number | string[];
  databaseUrl: string | undefined;
  dataDir: string;
  masterKey: string | undefined;
  keyFile: string;
  keyFilePermissive: boolean;
  backupPassphrase: string | undefined;
  logLevel: RawConfig['LOG_LEVEL'];
  env: RawConfig['NODE_ENV'];
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  accountInactiveDays: number;
  jobPollMs: number;
  /** Longest a statement may run on a PostgreSQL server, for the server and its jobs; 0 for no limit. */
  statementTimeoutMs: number;
  /** The same for CLI commands (backups, restores, imports), which may run long. */
  cliStatementTimeoutMs: number;
  cookieSecure: boolean;
  urgentTipReviewMinutes: number;
  directoryCapacityStaleHours: number;
  directoryDefaultTimeZone: string;
  emergencyNumber: string;
  hotlinePhone: string;
  hotlineText: string;
  quickExitUrl: string;
  /** Null: no map tiles, lists only. */
  mapTileUrl: string | null;
  mapTileAttribution: string;
  portalMapTileUrl: string | null;
  portalMapTileAttribution: string;
  reportsPerClientHour: number;
  uploadBytesPerClientHour: number;
  uploadBytesPerHour: number;
  minFreeDiskBytes: number;
  twilioAuthToken: string | undefined;
  safePlacesSmsNumber: string | null;
}

const MB = 1024 * 1024;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Haven cannot start; fix the configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const raw = parsed.data;
  const dataDir = path.resolve(raw.HAVEN_DATA_DIR);
  const publicUrl = (raw.PUBLIC_URL ?? `http://localhost:${raw.PORT}`).replace(/\/+$/, '');
  return {
    port: raw.PORT,
    host: raw.HOST,
    publicUrl,
    trustProxy: raw.TRUST_PROXY,
    databaseUrl: raw.DATABASE_URL,
    dataDir,
    masterKey: raw.HAVEN_MASTER_KEY,
    keyFile: path.resolve(raw.HAVEN_KEY_FILE ?? path.join(dataDir, 'keys', 'master.key')),
    keyFilePermissive: raw.HAVEN_KEY_FILE_PERMISSIVE === '1',
    backupPassphrase: raw.HAVEN_BACKUP_PASSPHRASE,
    logLevel: raw.LOG_LEVEL,
    env: raw.NODE_ENV,
    sessionIdleMs: raw.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: raw.SESSION_ABSOLUTE_HOURS * 3_600_000,
    accountInactiveDays: raw.ACCOUNT_INACTIVE_DAYS,
    jobPollMs: raw.JOB_POLL_MS,
    statementTimeoutMs: raw.DB_STATEMENT_TIMEOUT_MS,
    cliStatementTimeoutMs: raw.DB_CLI_STATEMENT_TIMEOUT_MS,
    cookieSecure: raw.COOKIE_SECURE === 'auto' ? publicUrl.startsWith('https://') : raw.COOKIE_SECURE === 'true',
    urgentTipReviewMinutes: raw.URGENT_TIP_REVIEW_MINUTES,
    directoryCapacityStaleHours: raw.DIRECTORY_CAPACITY_STALE_HOURS,
    directoryDefaultTimeZone: raw.DIRECTORY_DEFAULT_TIME_ZONE,
    emergencyNumber: raw.EMERGENCY_NUMBER,
    hotlinePhone: raw.HOTLINE_PHONE,
    hotlineText: raw.HOTLINE_TEXT,
    quickExitUrl: raw.QUICK_EXIT_URL,
    mapTileUrl: raw.MAP_TILE_URL && raw.MAP_TILE_URL !== 'off' ? raw.MAP_TILE_URL : null,
    mapTileAttribution: raw.MAP_TILE_ATTRIBUTION,
    portalMapTileUrl: raw.PORTAL_MAP_TILE_URL && raw.PORTAL_MAP_TILE_URL !== 'off' ? raw.PORTAL_MAP_TILE_URL : null,
    portalMapTileAttribution: raw.PORTAL_MAP_TILE_ATTRIBUTION ?? raw.MAP_TILE_ATTRIBUTION,
    reportsPerClientHour: raw.REPORTS_PER_CLIENT_HOUR,
    uploadBytesPerClientHour: raw.UPLOAD_MB_PER_CLIENT_HOUR * MB,
    uploadBytesPerHour: raw.UPLOAD_MB_PER_HOUR * MB,
    minFreeDiskBytes: raw.MIN_FREE_DISK_MB * MB,
    twilioAuthToken: raw.TWILIO_AUTH_TOKEN,
    safePlacesSmsNumber: raw.SAFE_PLACES_SMS_NUMBER ?? null,
  };
}
