import type { ProviderValues } from './directory.schema.ts';

/** One problem with one row of an import, named as the file names things (a CSV column, an HSDS path). */
export interface RowProblem {
  row: number;
  field: string;
  message: string;
}

export interface CapacityCount {
  serviceType: string;
  available: number;
  total: number | null;
}

/**
 * A row read from a file, before validation: the fields it gives (absent ones are left as they are on an
 * update and take defaults on a new entry), its capacity counts, and what was already wrong while reading it.
 */
export interface ImportRow {
  row: number;
  /** The row's identifier in the file (HSDS service id, CSV `id`): matched against entries imported before. */
  sourceId: string | null;
  fields: Partial<Record<keyof ProviderValues, unknown>>;
  capacity: CapacityCount[] | null;
  /** A confidential entry sent without any address keeps the one on file (exports leave it out on purpose). */
  keepStoredAddress: boolean;
  problems: RowProblem[];
  /** Not a row at all (an HSDS item that is not an object): its problem says so, and there is nothing to check. */
  unreadable?: boolean;
}

export const ADDRESS_FIELDS = ['address1', 'address2', 'postalCode', 'latitude', 'longitude'] as const;

/** How each format names a provider's fields in its error messages. */
export type FieldNames = Record<keyof ProviderValues, string>;
