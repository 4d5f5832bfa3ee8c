// The serve benchmark's baseline: a bare Hono route on @hono/node-server that sends the bytes
// in BODY_FILE with the headers a feed has, and answers a matching If-None-Match with a 304.
// What the real server costs beyond this is topicwire's own work.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { readFileSync } from 'node:fs';

const body = readFileSync(process.env.BODY_FILE, 'utf8');
const etag = process.env.ETAG;
const headers = {
  etag,
  'last-modified': new Date(0).toUTCString(),
  'cache-control': 'public, max-age=300, stale-while-revalidate=60',
  'access-control-allow-origin': '*',
  vary: 'Accept-Encoding',
};
const app = new Hono();
app.get('/feeds/:file', (c) => {
  if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
  return c.body(body, 200, { ...headers, 'content-type': 'application/rss+xml; charset=utf-8' });
});
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, () => console.log('listening'));
