// Load generation for the HTTP benchmarks: autocannon in this process against servers in
// child processes (the real one started as `npm start` starts it, bundled), so that a server
// never shares its event loop with the load it is measured under.
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/runtime/node-deps';

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  statusCodes: Record<string, number>;
  errors: number;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface RunningServer {
  url: string;
  stop: () => Promise<void>;
}

async function waitForLine(child: ChildProcess, pattern: RegExp, label: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${label}: not listening after 120 s:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (pattern.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`${label}: exited with ${code}:\n${output}`)));
  });
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
}

/** The real server, as `npm start` runs it (bin/topicwire.mjs serve: the esbuild bundle). */
export async function startTopicwire(env: Record<string, string>, nodeArgs: string[] = []): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, join(PROJECT_ROOT, 'bin', 'topicwire.mjs'), 'serve'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: 'http://localhost:8787' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await waitForLine(child, /listening on/, 'topicwire');
  return { url: `http://127.0.0.1:${port}`, stop: stopper(child) };
}

/** The bare Hono route sending `bodyFile`'s bytes, with `etag`. */
export async function startBare(bodyFile: string, etag: string): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bench', 'lib', 'bare-server.mjs')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: String(port), BODY_FILE: bodyFile, ETAG: etag },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await waitForLine(child, /listening/, 'bare server');
  return { url: `http://127.0.0.1:${port}`, stop: stopper(child) };
}

/** `paths`, when given, are asked for in turn (each connection takes the next one). */
export async function load(options: { url: string; connections: number; durationSeconds: number; headers?: Record<string, string>; paths?: string[] }): Promise<LoadResult> {
  let next = 0;
  const paths = options.paths;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    headers: options.headers ?? {},
    ...(paths && paths.length > 0
      ? { requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, path: paths[next++ % paths.length] ?? '/' }) }] }
      : {}),
  });
  const statusCodes: Record<string, number> = {};
  for (const [key, value] of Object.entries(result.statusCodeStats ?? {})) statusCodes[key] = (value as { count: number }).count;
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    statusCodes,
    errors: result.errors + result.timeouts + result.non2xx - (statusCodes['304'] ?? 0),
  };
}
