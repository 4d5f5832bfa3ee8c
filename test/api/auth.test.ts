// The admin token on writes: bearer header or the /admin login cookie, the cookie only from our
// own pages (no cross-site request forgery), and a server without ADMIN_TOKEN refusing writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app';
import { ADMIN_COOKIE } from '../../src/api/middleware';
import { AUTH, json, startHarness, TOKEN, type Harness } from './harness';

let h: Harness;
const SELF = 'http://localhost';
const definition = JSON.stringify({ name: 'Caspian energy', include: ['Caspian'] });

beforeAll(async () => {
  h = await startHarness({ feeds: ['wire-20260218.xml'] });
}, 60_000);
afterAll(async () => h?.close());

describe('requireAdmin', () => {
  it('accepts the bearer token from any origin (API clients send no cookie)', async () => {
    const response = await h.app.request('/api/topics/caspian-energy', { method: 'PUT', headers: { ...AUTH, origin: 'https://elsewhere.example' }, body: definition });
    expect(response.status).toBe(200);
  });

  it.each([
    ['the same Origin', { origin: SELF }],
    ['Sec-Fetch-Site: same-origin', { 'sec-fetch-site': 'same-origin' }],
    ['the public URL as Origin (behind a proxy)', { origin: 'http://topicwire.test' }],
  ])('accepts the login cookie on a write with %s', async (_label, headers) => {
    const response = await h.app.request('/api/topics/caspian-energy', {
      method: 'PUT',
      headers: { cookie: `${ADMIN_COOKIE}=${TOKEN}`, 'content-type': 'application/json', ...headers },
      body: definition,
    });
    expect(response.status).toBe(200);
  });

  it.each([
    ['another Origin', { origin: 'https://evil.example' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['neither Origin nor Sec-Fetch-Site', {}],
  ])('refuses a cookie-authorised write with %s as 403 cross_origin_rejected', async (_label, headers) => {
    const response = await h.app.request('/api/topics/forged', {
      method: 'PUT',
      headers: { cookie: `${ADMIN_COOKIE}=${TOKEN}`, 'content-type': 'application/json', ...headers },
      body: definition,
    });
    expect(response.status).toBe(403);
    expect((await json(response)).code).toBe('cross_origin_rejected');
    expect((await h.app.request('/api/topics/forged')).status).toBe(404);
  });

  it('refuses a wrong cookie as 401', async () => {
    const response = await h.app.request('/api/topics/forged', {
      method: 'PUT',
      headers: { cookie: `${ADMIN_COOKIE}=nope`, 'content-type': 'application/json', origin: SELF },
      body: definition,
    });
    expect(response.status).toBe(401);
    expect((await json(response)).code).toBe('unauthorized');
  });

  it('answers every write with 401 and a hint when the server has no ADMIN_TOKEN', async () => {
    const app = createApp({ ...h.runtime.app, adminToken: undefined });
    for (const [method, path] of [['POST', '/api/sources'], ['PUT', '/api/topics/x'], ['DELETE', '/api/sources/1'], ['POST', '/api/sources/1/poll']] as const) {
      const response = await app.request(path, { method, headers: AUTH, body: '{}' });
      expect(response.status, `${method} ${path}`).toBe(401);
      expect((await json(response)).detail).toMatch(/set ADMIN_TOKEN/);
    }
  });

  it('leaves reads public and cross-origin', async () => {
    const response = await h.app.request('/api/topics', { headers: { origin: 'https://reader.example' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const preflight = await h.app.request('/api/items', { method: 'OPTIONS', headers: { origin: 'https://reader.example', 'access-control-request-method': 'GET' } });
    expect(preflight.status).toBe(204);
  });
});
