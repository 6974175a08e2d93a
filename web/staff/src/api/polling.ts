import type { QueryFunctionContext } from '@tanstack/react-query';

/**
 * Whether a query function runs again for data already on screen (a refetch interval, a refocused window, an
 * invalidation after a change the person made, which that change already counted), rather than for a screen
 * the person just opened. Such calls go out as background requests (see `RequestOptions.background`).
 */
export function isRefetch(context: Pick<QueryFunctionContext, 'client' | 'queryKey'>): boolean {
  return (context.client.getQueryState(context.queryKey)?.dataUpdateCount ?? 0) > 0;
}
