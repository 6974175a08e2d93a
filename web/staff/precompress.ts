import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);
const COMPRESSIBLE = /\.(js|css|svg|html)$/;

/**
 * Writes a Brotli (.br) and a gzip (.gz) copy beside each script, style sheet and SVG of the build, once at
 * build time at the highest levels, so the server sends them to browsers that accept them without compressing
 * on every request (see server/platform/http/staff-app.ts).
 */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'haven-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async writeBundle() {
      const assets = path.join(outDir, 'assets');
      const files = (await readdir(assets)).filter((f) => COMPRESSIBLE.test(f));
      await Promise.all(
        files.map(async (file) => {
          const body = await readFile(path.join(assets, file));
          const [br, gzipped] = await Promise.all([
            brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
            gz(body, { level: 9 }),
          ]);
          await writeFile(path.join(assets, `${file}.br`), br);
          await writeFile(path.join(assets, `${file}.gz`), gzipped);
        }),
      );
    },
  };
}
