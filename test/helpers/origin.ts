// A real HTTP origin on 127.0.0.1 serving fixture feeds, with validators and a request log.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export const FEEDS_DIR = join(import.meta.dirname, '..', 'fixtures', 'feeds');

export type Route =
  | { file: string; contentType: string }
  | { body: string | Buffer; contentType: string; status?: number }
  | { handler: (res: ServerResponse, headers: IncomingHttpHeaders) => void };

export interface Origin {
  url: string;
  server: Server;
  requests: Array<{ path: string; headers: IncomingHttpHeaders }>;
  routes: Map<string, Route>;
  close: () => Promise<void>;
}

const LAST_MODIFIED = 'Tue, 05 Apr 2022 21:30:00 GMT';

export async function startOrigin(routes: Record<string, Route>): Promise<Origin> {
  const table = new Map(Object.entries(routes));
  const requests: Origin['requests'] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ path, headers: req.headers });
    const route = table.get(path.split('?')[0] ?? path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if ('handler' in route) {
      route.handler(res, req.headers);
      return;
    }
    const body = 'file' in route ? readFileSync(join(FEEDS_DIR, route.file)) : Buffer.from(route.body);
    const status = 'status' in route && route.status ? route.status : 200;
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    if (status === 200 && req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag, 'last-modified': LAST_MODIFIED }).end();
      return;
    }
    res.writeHead(status, { 'content-type': route.contentType, etag, 'last-modified': LAST_MODIFIED, 'content-length': body.length });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    requests,
    routes: table,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
