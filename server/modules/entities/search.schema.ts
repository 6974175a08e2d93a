import { z } from 'zod';
import { caseSummaryView } from '../cases/cases.schema.ts';
import { ENTITY_KINDS } from './entities.schema.ts';

export const searchQuery = z.object({
  q: z.string().trim().min(2, 'Type at least 2 characters.').max(200, 'Keep the search under 200 characters.'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const searchView = z.object({
  /** How the query was read: as which identifiers (normalized), and as a name. */
  query: z.object({ identifiers: z.array(z.object({ kind: z.string(), value: z.string() })), name: z.string() }),
  cases: z.array(caseSummaryView.extend({ matchedOn: z.array(z.string()) })),
  entities: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(ENTITY_KINDS),
      label: z.string(),
      matchedOn: z.enum(['identifier', 'name']),
      cases: z.array(z.object({ id: z.uuid(), number: z.number(), title: z.string(), access: z.string() })),
    }),
  ),
});

export type SearchView = z.infer<typeof searchView>;
