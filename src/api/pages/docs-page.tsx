/**
 * `GET /api/docs`: the interactive API reference. Scalar's standalone bundle (too big to ship
 * in a Worker) loads from jsDelivr at a pinned version with a Subresource Integrity hash, so the
 * browser runs exactly the file published to npm. The page also carries a plain list of every
 * operation, rendered here from the same OpenAPI document, which stays when the script cannot
 * load (offline, a strict proxy).
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../context';
import { Layout, createNonce } from './layout';

/** @scalar/api-reference on npm; the hash is of its dist/browser/standalone.js. */
export const SCALAR_VERSION = '1.76.0';
export const SCALAR_SCRIPT_URL = `https://cdn.jsdelivr.net/npm/@scalar/api-reference@${SCALAR_VERSION}/dist/browser/standalone.js`;
export const SCALAR_SCRIPT_INTEGRITY = 'sha384-oH1C0RwqcwbVXkC+r8A+4qRoyEUQdtxAzOwumkxZtQBBcsy61FOoPt7B50OVJYYQ';

// The fallback and the site's frame give way to Scalar's own layout once it has loaded.
const START_SCALAR = `if (window.Scalar) {
  for (const selector of ['#api-fallback', 'header.site', 'footer']) document.querySelector(selector)?.remove();
  Scalar.createApiReference('#api-reference', { url: '/api/openapi.json', withDefaultFonts: false });
}`;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * The docs page's CSP: scripts are this response's nonced ones (the starter, and Scalar's
 * bundle, which also carries its SRI hash) and Scalar's exact file on jsDelivr, nothing else;
 * Scalar fetches only our OpenAPI document (connect-src 'self'). It injects its own styles
 * at run time, so styles allow inline ones; no font or frame is loaded from anywhere.
 */
export function docsContentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}' ${SCALAR_SCRIPT_URL}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** The parts of an OpenAPI document the fallback list reads. */
export interface OpenApiPaths {
  paths?: Record<string, Partial<Record<(typeof METHODS)[number], { summary?: string; tags?: string[]; security?: unknown[] }>> | undefined>;
}

const docsRoute = createRoute({
  method: 'get',
  path: '/api/docs',
  summary: 'Interactive API reference (Scalar), with a plain list of operations when scripts cannot run',
  tags: ['Pages'],
  responses: { 200: { description: 'HTML page', content: { 'text/html': { schema: z.string() } } } },
});

export function docsPageRoutes(getDocument: (origin: string) => OpenApiPaths): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(docsRoute, (c) => {
    const document = getDocument(new URL(c.req.url).origin);
    const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
      METHODS.flatMap((method) => {
        const operation = item?.[method];
        return operation ? [{ path, method, summary: operation.summary ?? '', tag: operation.tags?.[0] ?? 'Other', admin: (operation.security?.length ?? 0) > 0 }] : [];
      }),
    );
    const tags = [...new Set(operations.map((operation) => operation.tag))];
    const nonce = createNonce();
    c.header('content-security-policy', docsContentSecurityPolicy(nonce));
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'same-origin');
    return c.html(
      <Layout title="topicwire API reference" nonce={nonce}>
        <div id="api-reference" />
        <section id="api-fallback">
          <h1>topicwire API</h1>
          <p class="lead">
            The machine-readable description is <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1). Writes need{' '}
            <code>Authorization: Bearer &lt;ADMIN_TOKEN&gt;</code>; errors are <code>application/problem+json</code> with a stable <code>code</code>.
          </p>
          {tags.map((tag) => (
            <section class="card">
              <h2>{tag}</h2>
              <div class="table-wrap">
                <table class="ops">
                  <tbody>
                    {operations
                      .filter((operation) => operation.tag === tag)
                      .map((operation) => (
                        <tr>
                          <td>
                            <code>{operation.method.toUpperCase()}</code>
                          </td>
                          <td class="url">
                            <code>{operation.path}</code>
                          </td>
                          <td>
                            {operation.summary}
                            {operation.admin ? <span class="muted small"> (admin)</span> : null}
                          </td>
                        </tr>
                      ))}
                  </tbody>
                </table>
              </div>
            </section>
          ))}
        </section>
        <script src={SCALAR_SCRIPT_URL} integrity={SCALAR_SCRIPT_INTEGRITY} crossorigin="anonymous" nonce={nonce} />
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: START_SCALAR }} />
      </Layout>,
    );
  });
  return app;
}
