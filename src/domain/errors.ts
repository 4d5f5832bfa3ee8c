/**
 * The one error type of topicwire. `code` is stable snake_case and part of the public contract
 * (it appears in problem+json bodies); `status` is the HTTP status it maps to.
 */
export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    status: number,
    code: string,
    message: string,
    options: { cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.status = status;
    this.code = code;
    this.details = options.details;
  }
}

/** A source could not be fetched (network, HTTP status, size, timeout, SSRF guard). */
export class FetchError extends AppError {
  /** HTTP status of the upstream answer, when there was one. */
  readonly httpStatus: number | null;
  /** Seconds the upstream asked us to wait before trying again (429/503 Retry-After). */
  readonly retryAfterSeconds: number | null;

  constructor(
    code: string,
    message: string,
    options: { cause?: unknown; httpStatus?: number; retryAfterSeconds?: number | null } = {},
  ) {
    super(502, code, `fetch: ${message}`, {
      cause: options.cause,
      details: options.httpStatus === undefined ? undefined : { httpStatus: options.httpStatus },
    });
    this.name = 'FetchError';
    this.httpStatus = options.httpStatus ?? null;
    this.retryAfterSeconds = options.retryAfterSeconds ?? null;
  }
}

/** A body could not be parsed as a feed. */
export class ParseError extends AppError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(422, 'parse_failed', `parse: ${message}`, options);
    this.name = 'ParseError';
  }
}

/** A topic expression was malformed (400) or named an unknown topic (404). */
export class ExpressionError extends AppError {
  constructor(status: 400 | 404, code: string, message: string, details?: Record<string, unknown>) {
    super(status, code, message, { details });
    this.name = 'ExpressionError';
  }
}

/** Human-readable message for any thrown value, including its causes. */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 4; depth++) {
    if (current instanceof Error) {
      if (!parts.includes(current.message)) parts.push(current.message);
      current = (current as { cause?: unknown }).cause;
    } else {
      parts.push(String(current));
      break;
    }
  }
  return parts.join(': ');
}
