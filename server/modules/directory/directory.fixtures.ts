import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../platform/context.ts';
import { PROVIDER_DEFAULTS, type ProviderValues } from './directory.schema.ts';
import { providerColumns, setCapacity } from './directory.repo.ts';

/** Downtown Houston, where the test directory sits. */
export const HOUSTON = { lat: 29.7604, lng: -95.3698 };

/** A point `km` kilometres north of another (1° of latitude ≈ 111.2 km). */
export const north = (from: { lat: number; lng: number }, km: number) => ({ lat: from.lat + km / 111.195, lng: from.lng });

export interface TestProviderOptions extends Partial<ProviderValues> {
  linkedAgencyId?: string | null;
  capacity?: Array<{ serviceType: string; available: number; total?: number | null; updatedAt?: Date }>;
  at?: { lat: number; lng: number };
}

/** A directory entry written straight to the database (the API's own tests create theirs through it). */
export async function createTestProvider(ctx: AppContext, options: TestProviderOptions = {}): Promise<string> {
  const { linkedAgencyId = null, capacity = [], at, ...fields } = options;
  const values: ProviderValues = {
    ...PROVIDER_DEFAULTS,
    organizationName: `Organization ${randomBytes(3).toString('hex')}`,
    name: `Service ${randomBytes(3).toString('hex')}`,
    serviceTypes: ['shelter'],
    timeZone: 'America/Chicago',
    phone: '713-555-0100',
    area: 'Downtown Houston',
    city: 'Houston',
    state: 'TX',
    ...(at ? { latitude: at.lat, longitude: at.lng } : {}),
    ...fields,
  };
  const row = await ctx.db
    .insertInto('directory_providers')
    .values({ ...providerColumns(values), linked_agency_id: linkedAgencyId })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (capacity.length) {
    await ctx.db.transaction().execute((trx) =>
      setCapacity(
        trx,
        capacity.map((c) => ({ providerId: row.id, serviceType: c.serviceType, available: c.available, total: c.total ?? null, source: 'staff' as const, userId: null, at: c.updatedAt ?? ctx.now() })),
      ),
    );
  }
  return row.id;
}
