/**
 * The Node server's structured log lines (LOG_FORMAT): one per poll and per request, and the
 * pipeline's rarer events. `json` writes one JSON object a line (`{"time","event",…}`), for log
 * collectors; `text` writes `[time] event key=value …`, for people.
 */
export type LogFormat = 'text' | 'json';

export function createLogger(
  format: LogFormat,
  write: (line: string) => void = (line) => void process.stdout.write(`${line}\n`),
  now: () => Date = () => new Date(),
): (event: string, fields: Record<string, unknown>) => void {
  return function log(event, fields) {
    const time = now().toISOString();
    if (format === 'json') {
      write(JSON.stringify({ time, event, ...fields }));
      return;
    }
    const pairs = Object.entries(fields).map(([key, value]) => `${key}=${formatValue(value)}`);
    write([`[${time}]`, event, ...pairs].join(' '));
  };
}

/** Bare when it cannot be misread (no spaces, quotes or equals signs), else JSON-quoted. */
function formatValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return typeof value === 'string' && /^[^\s"=]+$/.test(value) ? text : typeof value === 'string' ? JSON.stringify(value) : text;
}
