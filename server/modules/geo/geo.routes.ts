import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { requireStaff } from '../auth/auth.http.ts';
import { locate } from './geo.service.ts';

const locateQuery = z.object({ q: z.string().trim().min(1, 'Type a ZIP code or a city, such as 77002 or Houston, TX.').max(120) });
const locatedView = z.object({ lat: z.number(), lng: z.number(), label: z.string(), timeZone: z.string().nullable(), kind: z.enum(['zip', 'place', 'point']) });
const mapSettingsView = z.object({ tileUrl: z.string().nullable(), attribution: z.string() });

/** Staff helpers: where a ZIP code or city is (to fill a form), and the map's tile server. Signed-in staff only. */
export function geoRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['geo'];

    app.get('/geo/locate', { schema: { tags, querystring: locateQuery, response: { 200: locatedView } } }, async (request) => {
      requireStaff(request);
      const found = locate(request.query.q);
      if (!found) throw new AppError('not_found', 'No US ZIP code or city by that name was found. Check the spelling, or add the state, such as "Springfield, IL".', [{ path: 'querystring.q', message: 'Not found.' }]);
      return found;
    });

    app.get('/geo/map-settings', { schema: { tags, response: { 200: mapSettingsView } } }, async (request) => {
      requireStaff(request);
      return { tileUrl: ctx.config.mapTileUrl, attribution: ctx.config.mapTileAttribution };
    });
  };
}
