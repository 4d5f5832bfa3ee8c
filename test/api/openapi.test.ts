// The OpenAPI document against what is really mounted and really answered: valid OpenAPI 3.1
// (checked by a maintained validator), every route documented or knowingly hidden, every
// error code documented, and the statuses routes answer are the ones their entries promise.
import { Validator } from '@seriousme/openapi-schema-validator';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, FetchError } from '../../src/domain/errors';
import { handleError, PROBLEM_CODES } from '../../src/api/problem';
import { SCALAR_SCRIPT_INTEGRITY, SCALAR_SCRIPT_URL } from '../../src/api/pages/docs-page';
import { AUTH, json, startHarness, type Harness } from './harness';

/**
 * Routes left out of the document on purpose, with the reason. The /admin form targets take
 * urlencoded forms and answer with redirects to the page: they are the page's, not an API.
 */
const HIDDEN_ROUTES: Record<string, string> = {
  'POST /admin/login': 'form target of the /admin login page',
  'POST /admin/logout': 'form target of /admin',
  'POST /admin/sources': 'form target of /admin (the API is POST /api/sources)',
  'POST /admin/sources/import': 'form target of /admin (the API is POST /api/sources/import)',
  'POST /admin/sources/{id}/poll': 'form target of /admin (the API is POST /api/sources/{id}/poll)',
  'POST /admin/sources/{id}/toggle': 'form target of /admin (the API is PATCH /api/sources/{id})',
  'POST /admin/sources/{id}/delete': 'form target of /admin (the API is DELETE /api/sources/{id})',
  'POST /admin/topics': 'form target of /admin (the API is PUT /api/topics/{slug})',
  'POST /admin/topics/{slug}/delete': 'form target of /admin (the API is DELETE /api/topics/{slug})',
};

let h: Harness;
let doc: any;

beforeAll(async () => {
  h = await startHarness({ feeds: ['wire-20260218.xml'] });
  doc = await json(h.app.request('/api/openapi.json'));
}, 60_000);
afterAll(async () => h?.close());

const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z_]+)/g, '{$1}');

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc));
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 2)?.slice(0, 2000)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('documents every mounted route, except the hidden ones listed here with their reason', () => {
    const mounted = new Set(
      h.app.routes.filter((route) => route.method !== 'ALL').map((route) => `${route.method} ${toOpenApiPath(route.path)}`),
    );
    const documented = new Set(
      Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) =>
        Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
    const undocumented = [...mounted].filter((route) => !documented.has(route)).sort();
    expect(undocumented).toEqual(Object.keys(HIDDEN_ROUTES).sort());
    // Nothing documented that is not served either.
    expect([...documented].filter((route) => !mounted.has(route))).toEqual([]);
  });

  it('documents the pages as text/html', () => {
    for (const path of ['/', '/topics/{expr}', '/admin', '/api/docs']) {
      expect(Object.keys(doc.paths[path].get.responses['200'].content), path).toEqual(['text/html']);
    }
  });

  it('documents every problem code, and says which codes each route answers with', () => {
    const text = JSON.stringify(doc);
    for (const code of Object.keys(PROBLEM_CODES)) expect(doc.info.description, code).toContain(`\`${code}\``);
    expect(doc.paths['/api/items'].get.responses['400'].description).toContain('invalid_query');
    expect(doc.paths['/api/sources'].post.responses['401'].description).toContain('unauthorized');
    expect(doc.paths['/api/sources'].post.responses['429'].description).toContain('rate_limited');
    expect(text).toContain('#/components/schemas/Problem');
  });

  it('marks every write as needing the bearer token and answering 401', () => {
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
      for (const method of ['post', 'put', 'patch', 'delete']) {
        const operation = item[method];
        // The preview writes nothing; WebSub callbacks are called by hubs and authenticated by
        // the subscription's secret (X-Hub-Signature), not the admin token.
        if (!operation || path === '/api/topics/preview' || path.startsWith('/websub/')) continue;
        expect(operation.security, `${method} ${path}`).toEqual([{ Bearer: [] }]);
        expect(operation.responses['401'], `${method} ${path}`).toBeDefined();
      }
    }
  });

  it.each([
    ['GET', '/', undefined],
    ['GET', '/topics/kazakhstan+russia', undefined],
    ['GET', '/topics/kazakstan', undefined],
    ['GET', '/topics?expr=kazakhstan+russia', undefined],
    ['GET', '/admin', undefined],
    ['GET', '/api/docs', undefined],
    ['GET', '/api/items?q=caspian', undefined],
    ['GET', '/api/items?q=-', undefined],
    ['GET', '/api/items/999999', undefined],
    ['GET', '/api/topics/russia', undefined],
    ['GET', '/api/topics/kazakstan', undefined],
    ['GET', '/api/sources/1', undefined],
    ['GET', '/api/sources/999', undefined],
    ['GET', '/feeds/kazakhstan+russia.atom', undefined],
    ['GET', '/opml?format=xml', undefined],
    ['POST', '/api/sources', '{"url": 1}'],
    ['PATCH', '/api/sources/999', '{}'],
    ['DELETE', '/api/topics/russia', undefined],
    ['POST', '/api/topics/preview', '{"expression": "russia"}'],
  ])('%s %s answers a status and media type its entry documents', async (method, url, body) => {
    const response = await h.app.request(url, { method, headers: AUTH, ...(body ? { body } : {}) });
    const path = new URL(url, 'http://x').pathname;
    const operations = Object.entries(doc.paths as Record<string, any>)
      .filter(([template]) => new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+').replace(/[.]/g, '\\.')}$`).test(path))
      .map(([template, item]) => ({ template, operation: item[method.toLowerCase()] }))
      .filter((entry) => entry.operation)
      // A literal path wins over a template, as in the router.
      .sort((a, b) => Number(b.template === path) - Number(a.template === path));
    expect(operations[0], path).toBeDefined();
    const responses = operations[0]?.operation.responses;
    const documented = responses[String(response.status)];
    expect(documented, `${method} ${url} answered ${response.status}; documented: ${Object.keys(responses)}`).toBeDefined();
    const contentType = (response.headers.get('content-type') ?? '').split(';')[0] ?? '';
    if (documented.content) expect(Object.keys(documented.content), `${method} ${url}`).toContain(contentType);
  });
});

describe('GET /api/docs', () => {
  it('loads the pinned Scalar bundle with its integrity hash and lists every documented operation', async () => {
    const response = await h.app.request('/api/docs');
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(SCALAR_SCRIPT_URL).toMatch(/@scalar\/api-reference@\d+\.\d+\.\d+\//);
    expect(page).toContain(`src="${SCALAR_SCRIPT_URL}"`);
    expect(page).toContain(`integrity="${SCALAR_SCRIPT_INTEGRITY}"`);
    expect(page).toContain("url: '/api/openapi.json'");
    for (const path of Object.keys(doc.paths)) expect(page, path).toContain(`<code>${path}</code>`);
  });
});

describe('problem codes', () => {
  function sourceFiles(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
    });
  }

  it('documents every code a 4xx error is thrown with anywhere in src/', () => {
    const root = join(import.meta.dirname, '..', '..', 'src');
    const thrown = new Set<string>();
    for (const file of sourceFiles(root)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/(?:AppError|ExpressionError)\(\s*4\d\d,\s*'([a-z_]+)'/g)) thrown.add(match[1] ?? '');
      for (const match of text.matchAll(/problemResponse\(\s*c,\s*\d+,\s*'([a-z_]+)'/g)) thrown.add(match[1] ?? '');
    }
    expect(thrown.size).toBeGreaterThan(8);
    expect([...thrown].filter((code) => !(code in PROBLEM_CODES))).toEqual([]);
  });

  it.each([
    [new AppError(500, 'publish_failed', 'publish: boom'), 500, 'internal_error'],
    [new AppError(400, 'some_stage_code', 'bad'), 400, 'validation_failed'],
    [new FetchError('blocked_address', 'redirected to 10.0.0.1'), 400, 'invalid_url'],
    [new FetchError('timeout', 'took too long'), 502, 'upstream_failed'],
    [new Error('unexpected'), 500, 'internal_error'],
  ])('maps %o to a documented %i %s', async (error, status, code) => {
    const { Hono } = await import('hono');
    const app = new Hono();
    app.get('/', () => {
      throw error;
    });
    app.onError(handleError);
    const original = console.error;
    console.error = () => {};
    try {
      const response = await app.request('/');
      expect(response.status).toBe(status);
      const problem = await json(response);
      expect(problem.code).toBe(code);
      expect(PROBLEM_CODES[problem.code]?.status).toBe(status);
      expect(JSON.stringify(problem)).not.toMatch(/\.ts:\d+/);
    } finally {
      console.error = original;
    }
  });
});
