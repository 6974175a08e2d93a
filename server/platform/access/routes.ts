import type { FastifyInstance, RouteOptions } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Reachable without a finished staff sign-in. Every /api/ route is closed to anyone without a session
     * past both factors unless it says `config: { public: true }`, so a route that forgets its check is
     * closed, not open. A public route does its own checks (a one-time link, a session at an earlier
     * sign-in step, a webhook signature).
     */
    public?: boolean;
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  isPublic: boolean;
}

const registries = new WeakMap<FastifyInstance, Array<{ method: string; route: RouteOptions }>>();

/**
 * Records every route the application registers, so that the access matrix can check the routes that exist
 * rather than the ones someone remembered to write down. Install before any route is registered.
 */
export function installRouteRegistry(app: FastifyInstance): void {
  const routes: Array<{ method: string; route: RouteOptions }> = [];
  registries.set(app, routes);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      // Fastify answers HEAD for every GET on its own; the GET is the route that is checked.
      if (method === 'HEAD') continue;
      // Kept whole and read later: onRoute hooks of inner contexts (markRoutesPublic) run after this one.
      routes.push({ method, route });
    }
  });
}

/** The routes registered on an application built with `installRouteRegistry`. */
export function registeredRoutes(app: FastifyInstance): readonly RegisteredRoute[] {
  const routes = registries.get(app);
  if (!routes) throw new Error('installRouteRegistry was not called on this application');
  return routes.map(({ method, route }) => ({ method, url: route.url, isPublic: route.config?.public === true }));
}

/**
 * Marks every route registered inside this plugin's context as public: for plugins that register their own
 * routes (the API docs pages) and take no route options from us.
 */
export function markRoutesPublic(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    route.config = { ...route.config, public: true };
  });
}
