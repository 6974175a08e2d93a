import http, { type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small reverse proxy as operators run in front of Haven: it forwards every request to the app and appends
 * the connecting client's address to X-Forwarded-For (keeping what the client sent) and sets X-Forwarded-Proto.
 */
export async function startReverseProxy(target: { port: number }, options: { proto?: 'http' | 'https' } = {}): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const sent = req.headers['x-forwarded-for'];
    const forwardedFor = [sent, req.socket.remoteAddress].filter(Boolean).join(', ');
    const upstream = http.request(
      { host: '127.0.0.1', port: target.port, method: req.method, path: req.url, headers: { ...req.headers, 'x-forwarded-for': forwardedFor, 'x-forwarded-proto': options.proto ?? 'http' } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      res.writeHead(502).end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** One HTTP request from a chosen loopback source address (127.0.0.x), as a distinct visitor would make. */
export function requestFrom(
  from: string,
  port: number,
  options: { method?: string; path: string; body?: string | Buffer; headers?: Record<string, string> },
): Promise<{ status: number; headers: IncomingMessage['headers']; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, localAddress: from, method: options.method ?? 'GET', path: options.path, headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
