import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { contentSecurityPolicyWith } from './security-headers.ts';
import { AppError } from '../errors.ts';

const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/staff/dist');

export interface StaffAppOptions {
  imageSources?: readonly string[];
  /** The built app's folder (tests); web/staff/dist by default. */
  dist?: string;
}

/**
 * Serves the built staff app at /staff/, with every unknown /staff/ path answered by the app's page, except
 * under /staff/assets/, where an unknown file is 404.
 * `imageSources` are added to the page's img-src: the staff map's tile server, and only on the staff app.
 * Assets go out as the build's Brotli or gzip copies to a browser that takes them: the app is several hundred
 * kilobytes, and staff work from phones and slow office links too.
 */
export async function installStaffApp(app: FastifyInstance, options: StaffAppOptions = {}): Promise<void> {
  const dist = options.dist ?? DIST;
  const indexFile = path.join(dist, 'index.html');
  if (!existsSync(indexFile)) {
    app.get('/staff/*', { schema: { hide: true } }, async (_request, reply) =>
      reply.code(503).type('text/plain; charset=utf-8').send('The staff app is not built. Run `npm run build:web` (npm start does this for you).'),
    );
    return;
  }
  const index = await readFile(indexFile);
  await app.register(fastifyStatic, {
    root: path.join(dist, 'assets'),
    prefix: '/staff/assets/',
    wildcard: false,
    immutable: true,
    maxAge: '365d',
    cacheControl: true,
    preCompressed: true,
  });
  const policy = contentSecurityPolicyWith(options.imageSources ?? []);
  const sendIndex = async (_request: unknown, reply: FastifyReply) => reply.type('text/html; charset=utf-8').header('Content-Security-Policy', policy).send(index);
  // Each built file has a route of its own (wildcard: false); any other asset path, malformed ones included
  // (a NUL, `..`, `//`), is a missing file, not a page of the app.
  app.get('/staff/assets/*', { schema: { hide: true } }, async () => {
    throw new AppError('not_found', 'There is no such file in the staff app. Reload the page: the app may have been updated.');
  });
  app.get('/staff', { schema: { hide: true } }, sendIndex);
  app.get('/staff/*', { schema: { hide: true } }, sendIndex);
}
