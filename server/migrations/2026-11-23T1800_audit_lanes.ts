import { sql, type Kysely } from 'kysely';

// The trail becomes several chains ("lanes") so audited transactions on different connections no longer
// wait for each other's commit. Existing entries are lane 0. See docs/decisions/006-audit-lanes.md.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table audit_log add column lane smallint not null default 0 check (lane >= 0 and lane < 64);
    create index audit_log_lane_idx on audit_log (lane, seq);

    -- Locks this connection's lane until the transaction ends and reads that lane's head, in one round
    -- trip. Volatile, so the read after the lock sees every entry committed before the lock was granted.
    -- A connection always lands in the same lane, so a transaction never holds two lane locks.
    create function audit_lane_head(lanes integer) returns table (head_lane smallint, head_hash text)
    language plpgsql volatile as $$
    declare
      chosen smallint := pg_backend_pid() % lanes;
    begin
      perform pg_advisory_xact_lock(7240001, chosen);
      return query select chosen, (select a.hash from audit_log a where a.lane = chosen order by a.seq desc limit 1);
    end
    $$;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop function audit_lane_head(integer);
    drop index audit_log_lane_idx;
    alter table audit_log drop column lane;
  `.execute(db);
}
