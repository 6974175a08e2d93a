import type { ColumnType } from 'kysely';

/** Column types shared by the table types: what the driver returns, and what an insert or update takes. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** A timestamp with a database default: optional on insert, writable later. */
export type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type Json<T> = ColumnType<T, string, string>;
