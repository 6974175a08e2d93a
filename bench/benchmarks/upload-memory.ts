import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../server/app.ts';
import { openBenchHaven } from '../lib/haven.ts';
import { multipart } from '../../server/test/multipart.ts';
import { jpegWithGps } from '../../server/test/fixtures/files.ts';
import { emit } from '../lib/report.ts';
import type { Benchmark } from '../run.ts';

export const description = 'server memory (RSS) while visitors send reports of 5 × 9.9 MB files at once over real HTTP';
export const options: Benchmark['options'] = { concurrent: { type: 'string', default: '6' } };


function paddedJpeg(bytes: number): Buffer {
  const small = jpegWithGps();
  const pad: Buffer[] = [];
  for (let left = bytes; left > 0; left -= 65_000) {
    const n = Math.min(65_000, left);
    const seg = Buffer.alloc(n + 4, 0x20);
    seg[0] = 0xff; seg[1] = 0xfe; seg.writeUInt16BE(n + 2, 2);
    pad.push(seg);
  }
  return Buffer.concat([small.subarray(0, 2), ...pad, small.subarray(2)]);
}

export async function run(values: Record<string, string | boolean | undefined>): Promise<void> {
  const CONCURRENT = Number(values.concurrent ?? 6);
  const haven = await openBenchHaven();
  const app = await buildApp({ ...haven.ctx, config: { ...haven.ctx.config, reportsPerClientHour: 10_000, uploadBytesPerClientHour: 1e12, uploadBytesPerHour: 1e12 } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as AddressInfo).port;
  const file = paddedJpeg(Math.floor(9.9 * 1024 * 1024));
  const bodies = Array.from({ length: CONCURRENT }, (_, i) => multipart({ sid: `bench-submission-${i}-xxxxxxxx`, concern: 'labor', narrative: `Bench report ${i}` }, Array.from({ length: 5 }, (_, j) => ({ field: 'files', name: `p${j}.jpg`, type: 'image/jpeg', data: file }))));
  const sentBytes = bodies.reduce((s, b) => s + b.payload.length, 0);
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = Date.now();
  const statuses = await Promise.all(bodies.map((b) => new Promise<number>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/report', headers: { ...b.headers, 'content-length': String(b.payload.length) } }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode ?? 0)); });
    req.on('error', reject);
    req.end(b.payload);
  })));
  clearInterval(timer);
  const context = { concurrent: CONCURRENT, sent_mb: Math.round(sentBytes / 1024 / 1024), statuses: [...new Set(statuses)].join(','), elapsed_ms: Date.now() - started };
  emit({ bench: 'upload-memory', metric: 'rss_before', value: Math.round(before / 1024 / 1024), unit: 'MB', ...context });
  emit({ bench: 'upload-memory', metric: 'rss_peak_increase', value: Math.round((peak - before) / 1024 / 1024), unit: 'MB', ...context });
  await app.close();
  await haven.close();
}
