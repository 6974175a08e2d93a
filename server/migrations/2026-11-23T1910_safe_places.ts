import { sql, type Kysely } from 'kysely';

// Safe Places: sites (libraries, fire stations, youth centres, businesses) whose staff are trained to take in
// a person who asks for help. `location` is derived from lat/lng and indexed with GiST, so "the nearest
// active sites open now" is one index-ordered scan (`order by location <-> point`) on PostgreSQL and PGlite
// alike, without PostGIS; exact distances and opening hours, in each site's own time zone, are then checked
// in the service. Nothing about the people who search for a site is stored anywhere.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table safe_places (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      kind text not null check (kind in ('library', 'fire_station', 'police_station', 'youth_center', 'community_center', 'business', 'other')),
      address text not null,
      city text not null,
      state text not null check (state ~ '^[A-Z]{2}$'),
      zip text not null check (zip ~ '^[0-9]{5}$'),
      lat double precision not null check (lat between -90 and 90),
      lng double precision not null check (lng between -180 and 180),
      location point generated always as (point(lng, lat)) stored,
      time_zone text not null,
      hours jsonb not null,
      public_phone text,
      public_note text,
      contact_name text,
      contact_phone text,
      contact_phone_public boolean not null default false,
      staff_last_trained_on date,
      is_active boolean not null default true,
      created_by_user_id uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index safe_places_location_idx on safe_places using gist (location) where is_active;
    create index safe_places_name_idx on safe_places (lower(name));
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table safe_places`.execute(db);
}
