import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { contentSecurityPolicyWith } from './security-headers.ts';

const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/staff/dist');

/**
 * Serves the built staff app at /staff/, with every unknown /staff/ path answered by the app's page.
 * `imageSources` are added to the page's img-src: the staff map's tile server, and only on the staff app.
 */
export async function installStaffApp(app: FastifyInstance, options: { imageSources?: readonly string[] } = {}): Promise<void> {
  const indexFile = path.join(DIST, 'index.html');
  if (!existsSync(indexFile)) {
    app.get('/staff/*', { schema: { hide: true } }, async (_request, reply) =>
      reply.code(503).type('text/plain; charset=utf-8').send('The staff app is not built. Run `npm run build:web` (npm start does this for you).'),
    );
    return;
  }
  const index = await readFile(indexFile);
  await app.register(fastifyStatic, {
    root: path.join(DIST, 'assets'),
    prefix: '/staff/assets/',
    wildcard: false,
    immutable: true,
    maxAge: '365d',
    cacheControl: true,
  });
  const policy = contentSecurityPolicyWith(options.imageSources ?? []);
  const sendIndex = async (_request: unknown, reply: FastifyReply) => reply.type('text/html; charset=utf-8').header('Content-Security-Policy', policy).send(index);
  app.get('/staff', { schema: { hide: true } }, sendIndex);
  app.get('/staff/*', { schema: { hide: true } }, sendIndex);
}
