/**
 * Errors as RFC 9457 problem details (`application/problem+json`) with a stable `code`.
 * Every failure a client can see goes through `problemResponse`; nothing else builds one,
 * and no stack trace ever reaches a client.
 */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, FetchError } from '../domain/errors';

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'urn:topicwire:problem:unknown_topic' }),
    title: z.string().openapi({ example: 'Not Found' }),
    status: z.number().int().openapi({ example: 404 }),
    code: z.string().openapi({ example: 'unknown_topic', description: 'Stable machine-readable error code.' }),
    detail: z.string().openapi({ example: 'unknown topic "kazakstan"; did you mean kazakhstan?' }),
    instance: z.string().optional(),
  })
  .catchall(z.unknown())
  .openapi('Problem');

const PROBLEM_CODE_TABLE = {
  validation_failed: { status: 400, title: 'The request is not valid' },
  invalid_expression: { status: 400, title: 'The topic expression is malformed' },
  invalid_query: { status: 400, title: 'The search has nothing to look for, or too much' },
  invalid_url: { status: 400, title: 'The URL is not a usable feed URL' },
  unauthorized: { status: 401, title: 'An admin token is required' },
  cross_origin_rejected: { status: 403, title: 'A cookie-authorised write came from another site' },
  not_found: { status: 404, title: 'Not found' },
  unknown_topic: { status: 404, title: 'Unknown topic' },
  source_not_found: { status: 404, title: 'Unknown source' },
  item_not_found: { status: 404, title: 'Unknown item' },
  topic_not_found: { status: 404, title: 'Unknown topic' },
  websub_not_requested: { status: 404, title: 'No WebSub subscription to that topic was requested on this callback' },
  conflict: { status: 409, title: 'Conflict' },
  websub_no_subscription: { status: 410, title: 'No WebSub subscription on this callback: stop delivering to it' },
  poll_in_progress: { status: 409, title: 'Another poller is polling this source right now' },
  payload_too_large: { status: 413, title: 'The request body is too large' },
  no_feed_found: { status: 422, title: 'No feed was found at that URL' },
  feed_unreachable: { status: 422, title: 'The URL does not answer with a feed' },
  parse_failed: { status: 422, title: 'The document is not a feed' },
  rate_limited: { status: 429, title: 'Too many requests' },
  internal_error: { status: 500, title: 'Internal error' },
  upstream_failed: { status: 502, title: 'The upstream server failed' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemCode = keyof typeof PROBLEM_CODE_TABLE;

/**
 * The stable error codes, with the status each answers with. They are the only codes a client
 * ever sees (`handleError` maps any other to one of them) and each is documented in the
 * OpenAPI document.
 */
export const PROBLEM_CODES: Readonly<Record<string, { status: number; title: string }>> = PROBLEM_CODE_TABLE;

/** The problem codes as a Markdown table, for the OpenAPI document's description. */
export function describeProblemCodes(): string {
  const rows = Object.entries(PROBLEM_CODES).map(([code, { status, title }]) => `| \`${code}\` | ${status} | ${title} |`);
  return ['| code | status | meaning |', '|---|---|---|', ...rows].join('\n');
}

/**
 * OpenAPI responses for the problems a route can answer with, grouped by status, each status
 * naming its codes: `...problemResponses('unauthorized', 'source_not_found')`.
 */
export function problemResponses(...codes: ProblemCode[]) {
  const byStatus = new Map<number, ProblemCode[]>();
  for (const code of codes) {
    const status = PROBLEM_CODE_TABLE[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses: Record<number, { description: string; content: { 'application/problem+json': { schema: typeof ProblemSchema } } }> = {};
  for (const [status, list] of byStatus) {
    responses[status] = {
      description: list.map((code) => `\`${code}\`: ${PROBLEM_CODE_TABLE[code].title}`).join('; '),
      content: { 'application/problem+json': { schema: ProblemSchema } },
    };
  }
  return responses;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  409: 'Conflict', 413: 'Content Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Content',
  429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable',
};

export function problemResponse(
  c: Context,
  status: number,
  code: string,
  detail: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  const body = {
    type: `urn:topicwire:problem:${code}`,
    title: PROBLEM_CODES[code]?.title ?? TITLES[status] ?? 'Error',
    status,
    code,
    detail,
    instance: new URL(c.req.url).pathname,
    ...extra,
  };
  return c.body(JSON.stringify(body), status as ContentfulStatusCode, {
    'content-type': 'application/problem+json; charset=utf-8',
    ...headers,
  });
}

/** Maps anything thrown to a problem response; unexpected errors are logged, not shown. */
export function handleError(error: unknown, c: Context): Response {
  if (error instanceof FetchError) {
    // A URL that leads somewhere we may not fetch is the request's fault; anything else is upstream's.
    if (error.code === 'blocked_address' || error.code === 'invalid_url') {
      return problemResponse(c, 400, 'invalid_url', error.message, { reason: error.code });
    }
    return problemResponse(c, 502, 'upstream_failed', error.message, {
      reason: error.code,
      ...(error.httpStatus === null ? {} : { upstreamStatus: error.httpStatus }),
    });
  }
  if (error instanceof AppError) {
    const status = error.status >= 400 && error.status < 600 ? error.status : 500;
    if (error.code in PROBLEM_CODES) return problemResponse(c, status, error.code, error.message, error.details ?? {});
    // A stage's own code (publish_failed, …) is not part of the contract: log it, answer a documented one.
    if (status >= 500) {
      console.error('unhandled error', error);
      return problemResponse(c, 500, 'internal_error', 'Something went wrong on our side; the error was logged.');
    }
    return problemResponse(c, status, fallbackCode(status), error.message, error.details ?? {});
  }
  if (error instanceof Error && 'getResponse' in error && typeof error.getResponse === 'function') {
    // Hono's HTTPException (body limit, etc.)
    const response = error.getResponse() as Response;
    const status = response.status;
    return problemResponse(c, status, fallbackCode(status), error.message || TITLES[status] || 'Error');
  }
  console.error('unhandled error', error);
  return problemResponse(c, 500, 'internal_error', 'Something went wrong on our side; the error was logged.');
}

/** The documented code for a status, for errors that came without one of ours. */
function fallbackCode(status: number): ProblemCode {
  const byStatus: Record<number, ProblemCode> = {
    401: 'unauthorized', 403: 'cross_origin_rejected', 404: 'not_found', 409: 'conflict',
    413: 'payload_too_large', 429: 'rate_limited', 502: 'upstream_failed',
  };
  return byStatus[status] ?? (status >= 500 ? 'internal_error' : 'validation_failed');
}
