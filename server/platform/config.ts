import { z } from 'zod';
import path from 'node:path';

/**
 * Configuration is read once, here, from the environment. Every problem is listed at once so an operator
 * fixes them in one go instead of one restart per mistake. Nothing else in Haven reads process.env.
 */
const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.url().optional(),
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
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(240).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24).default(12),
  ACCOUNT_INACTIVE_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  JOB_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(2000),
  /** An urgent tip not reviewed within this many minutes is flagged to coordinators. */
  URGENT_TIP_REVIEW_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
  /** Shown on every public page; a deployment outside the US sets its own. */
  EMERGENCY_NUMBER: z.string().trim().min(1).max(20).default('911'),
  HOTLINE_PHONE: z.string().trim().min(1).max(40).default('1-888-373-7888'),
  HOTLINE_TEXT: z.string().trim().min(1).max(40).default('233733'),
  /** Where the Quick exit button goes: a neutral page that does not mention help or trafficking. */
  QUICK_EXIT_URL: z.url().default('https://www.weather.gov/'),
  /** Cookies are Secure unless the public URL is plain http (a laptop). */
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
});

export type RawConfig = z.infer<typeof configSchema>;

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  masterKey: string | undefined;
  keyFile: string;
  logLevel: RawConfig['LOG_LEVEL'];
  env: RawConfig['NODE_ENV'];
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  accountInactiveDays: number;
  jobPollMs: number;
  cookieSecure: boolean;
  urgentTipReviewMinutes: number;
  emergencyNumber: string;
  hotlinePhone: string;
  hotlineText: string;
  quickExitUrl: string;
}

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
    databaseUrl: raw.DATABASE_URL,
    dataDir,
    masterKey: raw.HAVEN_MASTER_KEY,
    keyFile: path.resolve(raw.HAVEN_KEY_FILE ?? path.join(dataDir, 'keys', 'master.key')),
    logLevel: raw.LOG_LEVEL,
    env: raw.NODE_ENV,
    sessionIdleMs: raw.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: raw.SESSION_ABSOLUTE_HOURS * 3_600_000,
    accountInactiveDays: raw.ACCOUNT_INACTIVE_DAYS,
    jobPollMs: raw.JOB_POLL_MS,
    cookieSecure: raw.COOKIE_SECURE === 'auto' ? publicUrl.startsWith('https://') : raw.COOKIE_SECURE === 'true',
    urgentTipReviewMinutes: raw.URGENT_TIP_REVIEW_MINUTES,
    emergencyNumber: raw.EMERGENCY_NUMBER,
    hotlinePhone: raw.HOTLINE_PHONE,
    hotlineText: raw.HOTLINE_TEXT,
    quickExitUrl: raw.QUICK_EXIT_URL,
  };
}
