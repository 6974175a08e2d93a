import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestHaven } from '../test/test-app.ts';
import { createTestAgency, createTestUser, TEST_PASSWORD } from '../test/factories.ts';
import { Agent, signIn } from '../test/agent.ts';
import { cliFor, tokenFrom } from './cli-harness.ts';

let h: TestHaven;
const { run, opened } = cliFor(() => h.ctx);

beforeAll(async () => {
  h = await createTestApp();
});
afterAll(async () => h.close());

const lastAudit = () => h.ctx.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();

describe('haven CLI: arguments', () => {
  it('lists the commands with --help and exits 0; without a command it exits 1', async () => {
    const help = await run('--help');
    expect(help.code).toBe(0);
    for (const name of ['migrate', 'create-admin', 'create-agency', 'create-user', 'unlock-user', 'reset-mfa', 'backup', 'restore', 'verify-audit']) {
      expect(help.stdout).toContain(name);
    }
    expect((await run()).code).toBe(1);
  });

  it('explains each command with --help without opening the database', async () => {
    const before = opened.length;
    const help = await run('create-user', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: npm run haven -- create-user --email EMAIL');
    expect(help.stdout).toContain('Examples:');
    expect(opened.length).toBe(before);
  });

  it.each([
    [['frobnicate'], /^haven: unknown command "frobnicate"/],
    [['create-user', '--email', 'a@b.example'], /missing --name, --agency, --roles/],
    [['create-user', '--email', 'not-an-email', '--name', 'X', '--agency', 'Y', '--roles', 'analyst'], /--email: "not-an-email" is not a valid email address/],
    [['create-user', '--email', 'a@b.example', '--name', 'X', '--agency', 'Y', '--roles', 'analyst,wizard'], /--roles: unknown role "wizard"/],
    [['create-agency', '--name', 'X Agency', '--type', 'police'], /--type: unknown agency type "police"/],
    [['create-agency', '--name', 'X', '--type', 'law_enforcement'], /--name: Give the agency a name of at least 2 characters/],
    [['migrate', '--colour'], /unknown option --colour/],
    [['unlock-user', 'someone@example.org'], /unexpected argument "someone@example.org"/],
    [['backup', '--out'], /--out needs a value/],
    [['verify-audit', '--expect-head', '12'], /--expect-head: give SEQ:HASH/],
  ])('refuses %j with exit 1 and one line on stderr, opening nothing', async (argv, message) => {
    const before = opened.length;
    const result = await run(...argv);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
    expect(opened.length).toBe(before);
  });
});

describe('haven CLI: agencies and people', () => {
  it('creates an agency and a user whose activation link works, audited as the operator', async () => {
    const agency = await run('create-agency', '--name', 'Lakeside Police', '--type', 'law_enforcement', '--short-name', 'LPD', '--contact-email', 'desk@lpd.example');
    expect(agency.code).toBe(0);
    expect(agency.stdout).toContain('Created agency "Lakeside Police" (law_enforcement)');
    const row = await h.ctx.db.selectFrom('agencies').selectAll().where('name', '=', 'Lakeside Police').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ short_name: 'LPD', contact_email: 'desk@lpd.example' });
    expect(await lastAudit()).toMatchObject({ action: 'agency.created', actor_user_id: null, entity_id: row.id, details: { type: 'law_enforcement', via: 'cli' } });

    const user = await run('create-user', '--email', 'Rosa@LPD.example', '--name', 'Rosa Diaz', '--agency', 'lakeside police', '--roles', 'investigator, analyst');
    expect(user.code).toBe(0);
    expect(user.stdout).toContain('Created rosa@lpd.example (Rosa Diaz) in Lakeside Police with roles investigator, analyst.');
    const created = await h.ctx.db.selectFrom('users').select(['id', 'agency_id', 'password_hash']).where('email', '=', 'rosa@lpd.example').executeTakeFirstOrThrow();
    expect(created).toMatchObject({ agency_id: row.id, password_hash: null });
    const roles = await h.ctx.db.selectFrom('user_roles').select('role').where('user_id', '=', created.id).orderBy('role').execute();
    expect(roles.map((r) => r.role)).toEqual(['analyst', 'investigator']);
    expect(await lastAudit()).toMatchObject({ action: 'user.created', actor_user_id: null, entity_id: created.id, details: { via: 'cli', roles: ['investigator', 'analyst'] } });

    const activated = await new Agent(h.app).post('/api/activate', { token: tokenFrom(user.stdout), password: 'quiet harbor lantern 77' });
    expect(activated.statusCode).toBe(200);
    const login = await new Agent(h.app).post('/api/auth/login', { email: 'rosa@lpd.example', password: 'quiet harbor lantern 77' });
    expect(login.json().next).toBe('enroll');
  });

  it('finds the agency by id too, and refuses an unknown agency', async () => {
    const agency = await createTestAgency(h.ctx, { type: 'prosecutor' });
    expect((await run('create-user', '--email', 'ada@da.example', '--name', 'Ada', '--agency', agency.id, '--roles', 'prosecutor')).code).toBe(0);
    const unknown = await run('create-user', '--email', 'bo@da.example', '--name', 'Bo', '--agency', 'Atlantis Police', '--roles', 'investigator');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('haven create-user: No agency has the id or name "Atlantis Police".\n');
  });

  it('refuses a role the agency type cannot hold, creating nobody', async () => {
    const police = await createTestAgency(h.ctx, { type: 'law_enforcement', name: 'Hillside Police' });
    const result = await run('create-user', '--email', 'vic@hillside.example', '--name', 'Vic', '--agency', police.id, '--roles', 'victim_advocate');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Hillside Police is a law_enforcement agency and cannot hold these roles: victim_advocate/);
    expect(await h.ctx.db.selectFrom('users').select('id').where('email', '=', 'vic@hillside.example').executeTakeFirst()).toBeUndefined();
  });

  it('refuses a second account with the same email', async () => {
    const agency = await createTestAgency(h.ctx, { type: 'law_enforcement' });
    const user = await createTestUser(h.ctx, { agencyId: agency.id, roles: ['analyst'] });
    const result = await run('create-user', '--email', user.email, '--name', 'Twin', '--agency', agency.id, '--roles', 'analyst');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/already has an account with this email/);
  });

  it('creates the first task-force administrator once, then only with --force', async () => {
    const needsName = await run('create-admin', '--email', 'chair@tf.example', '--name', 'Chair');
    expect(needsName.stderr).toMatch(/--agency-name is required: there is no task-force coordinator agency yet/);
    const first = await run('create-admin', '--email', 'chair@tf.example', '--name', 'Chair', '--agency-name', 'Lakeside Task Force');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Created the coordinator agency "Lakeside Task Force".');
    const chair = await h.ctx.db.selectFrom('users').select('id').where('email', '=', 'chair@tf.example').executeTakeFirstOrThrow();
    const roles = await h.ctx.db.selectFrom('user_roles').select('role').where('user_id', '=', chair.id).orderBy('role').execute();
    expect(roles.map((r) => r.role)).toEqual(['agency_admin', 'taskforce_admin']);
    expect(tokenFrom(first.stdout)).toHaveLength(43);

    const again = await run('create-admin', '--email', 'vice@tf.example', '--name', 'Vice');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/A task-force administrator already exists/);
    const forced = await run('create-admin', '--email', 'vice@tf.example', '--name', 'Vice', '--force');
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('in Lakeside Task Force');
    expect(forced.stdout).not.toContain('Created the coordinator agency');
  });
});

describe('haven CLI: account recovery', () => {
  it('unlocks an account locked by failed sign-ins', async () => {
    const agency = await createTestAgency(h.ctx);
    const user = await createTestUser(h.ctx, { agencyId: agency.id, roles: ['investigator'] });
    for (let i = 0; i < 5; i++) {
      h.clock.advance(5_000); // failures closer together than a person types count once
      await new Agent(h.app).post('/api/auth/login', { email: user.email, password: 'not the right password' });
    }
    expect((await new Agent(h.app).post('/api/auth/login', { email: user.email, password: TEST_PASSWORD })).statusCode).toBe(401);

    const result = await run('unlock-user', '--email', user.email.toUpperCase());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Unlocked user\..* \(locked since .*\)\. They can sign in again\./);
    expect(await lastAudit()).toMatchObject({ action: 'user.unlocked', actor_user_id: null, entity_id: user.id, details: { via: 'cli', wasLocked: true } });
    await signIn(h.app, h.clock, user);
  });

  it('resets MFA: authenticator and recovery codes gone, sessions ended, enrollment next', async () => {
    const agency = await createTestAgency(h.ctx);
    const user = await createTestUser(h.ctx, { agencyId: agency.id, roles: ['analyst'] });
    await h.ctx.db.insertInto('recovery_codes').values({ user_id: user.id, code_hash: Buffer.alloc(32, 1) }).execute();
    const agent = await signIn(h.app, h.clock, user);

    const result = await run('reset-mfa', '--email', user.email);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Removed the authenticator and recovery codes of ${user.email}; ended 1 session.`);
    expect((await agent.get('/api/auth/session')).statusCode).toBe(401);
    const row = await h.ctx.db.selectFrom('users').select(['totp_secret_enc', 'mfa_enrolled_at']).where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ totp_secret_enc: null, mfa_enrolled_at: null });
    expect(await h.ctx.db.selectFrom('recovery_codes').select('id').where('user_id', '=', user.id).execute()).toEqual([]);
    expect(await lastAudit()).toMatchObject({ action: 'user.mfa_reset', actor_user_id: null, details: { via: 'cli', sessionsEnded: 1 } });
    const login = await new Agent(h.app).post('/api/auth/login', { email: user.email, password: TEST_PASSWORD });
    expect(login.json().next).toBe('enroll');
  });

  it('says so when there is no such account', async () => {
    const result = await run('reset-mfa', '--email', 'ghost@nowhere.example');
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'haven reset-mfa: No account has the email address ghost@nowhere.example.\n' });
  });
});
