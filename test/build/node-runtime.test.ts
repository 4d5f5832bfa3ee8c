// What `npm start` and `npx topicwire` run, as real processes: the esbuild bundle in dist/ on
// plain node. One process answers /healthz; stack traces name src/ files; and the seeding
// decision a server records when it creates a database holds for the CLI that opens it later.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrigin, type Origin } from '../helpers/origin';

const ROOT = join(import.meta.dirname, '..', '..');
const run = promisify(execFile);
const TOKEN = 'runtime-test-token';

let dir: string;
let origin: Origin;
const children: ChildProcess[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'topicwire-node-runtime-'));
  origin = await startOrigin({ '/wire.xml': { file: 'syndicated-wire.xml', contentType: 'application/rss+xml' } });
  // The build npm runs before `npm start` (prestart) and on `npm ci` (prepare).
  await run(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT });
}, 60_000);

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await origin?.close();
  rmSync(dir, { recursive: true, force: true });
});

function settings(database: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // SEED_SOURCES and friends deliberately left at their defaults unless a test sets them.
  const { SEED_SOURCES: _seed, ...rest } = process.env;
  return { ...rest, DATABASE_URL: `file:${join(dir, database)}`, ADMIN_TOKEN: TOKEN, ALLOW_PRIVATE_SOURCES: 'true', POLL_INTERVAL_SECONDS: '0', ...extra };
}

/** `npm start` without npm around it: the command its start script runs ("node …"). */
const START = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start.split(' ');

async function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string; exited: Promise<number | null>; output: () => string }> {
  expect(START[0]).toBe('node');
  const child = spawn(process.execPath, START.slice(1), {
    cwd: ROOT,
    env: { ...env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on http:\/\/localhost:(\d+)/.exec(output);
      if (match) resolve(`http://127.0.0.1:${match[1]}`);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => reject(new Error(`server exited (${code}): ${output}`)));
  });
  return { child, url, exited, output: () => output };
}

async function cli(args: string[], env: NodeJS.ProcessEnv): Promise<string[]> {
  const { stdout } = await run(process.execPath, [join(ROOT, 'bin', 'topicwire.mjs'), ...args], { cwd: ROOT, env });
  return stdout.split('\n').filter((line) => line.trim() !== '');
}

function childPids(pid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe('the built Node runtime', () => {
  it('npm start serves /healthz from one node process running dist/, and stops cleanly on SIGTERM', async () => {
    const server = await startServer(settings('health.db', { SEED_SOURCES: 'false', LOG_FORMAT: 'json' }));
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    // LOG_FORMAT=json: the request is one JSON line on stdout.
    const requestLine = async (): Promise<Record<string, unknown> | undefined> => {
      for (let tries = 0; tries < 50; tries++) {
        const lines = server.output().split('\n').filter((line) => line.startsWith('{'));
        const found = lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((entry) => entry.event === 'request');
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return undefined;
    };
    expect(await requestLine()).toMatchObject({ event: 'request', method: 'GET', route: '/healthz', path: '/healthz', status: 200 });
    // One process: tsx would run the app in a child node, and its esbuild service in another.
    if (process.platform === 'linux') expect(childPids(server.child.pid ?? -1)).toEqual([]);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('names src/ files in stack traces (source maps)', async () => {
    const script = `import(${JSON.stringify(join(ROOT, 'dist', 'runtime', 'cli.js'))}).then((m) => m.runCli(['topics', 'set', 'x', '--file', '/nonexistent/topic.json'], process.env)).catch((e) => console.log(e.stack))`;
    const { stdout } = await run(process.execPath, ['--enable-source-maps', '--input-type=module', '-e', script], { cwd: ROOT, env: settings('stack.db', { SEED_SOURCES: 'false' }) });
    expect(stdout).toContain('ENOENT');
    expect(stdout).toMatch(/src\/runtime\/cli\.ts:\d+:\d+/);
  });
});

describe('seeding is decided when the database is created', () => {
  it('the CLI never seeds the defaults into a database a server created with SEED_SOURCES=false', async () => {
    const server = await startServer(settings('server-made.db', { SEED_SOURCES: 'false' }));
    const added = await fetch(`${server.url}/api/sources`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url: `${origin.url}/wire.xml` }),
    });
    expect(added.status).toBe(201);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);

    // The CLI with SEED_SOURCES at its default (true) follows the database's record.
    const env = settings('server-made.db');
    expect(await cli(['sources', 'list'], env)).toEqual([expect.stringContaining(`${origin.url}/wire.xml`)]);
    // Adding it polled it already; a round of every source finds it unchanged.
    const polled = await cli(['poll', '--all'], env);
    expect(polled.at(-1)).toBe('polled 1 source(s): 0 new entries, 1 not modified, 0 failed');
    expect(await cli(['sources', 'list'], env)).toHaveLength(1);
  }, 60_000);

  it('sources add fetches first: a feed is added and polled at once, a 404 is refused unless --force', async () => {
    const env = settings('cli-add.db', { SEED_SOURCES: 'false' });
    const added = await cli(['sources', 'add', `${origin.url}/wire.xml`], env);
    expect(added[0]).toMatch(new RegExp(`^added: source \\d+ ${origin.url}/wire\\.xml$`));
    expect(added[1]).toMatch(/^first poll: ([1-9]\d*) new of \1 entries$/);

    const refused = await cli(['sources', 'add', `${origin.url}/missing.xml`], env).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused?.code).toBe(1);
    expect(refused?.stderr).toMatch(/is not a reachable feed .*HTTP 404/);
    const sourceLines = async () => (await cli(['sources', 'list'], env)).filter((line) => /^\s*\d+\s/.test(line));
    expect(await sourceLines()).toHaveLength(1);

    const forced = await cli(['sources', 'add', `${origin.url}/missing.xml`, '--force'], env);
    expect(forced[0]).toMatch(/^added: source \d+ .*\/missing\.xml$/);
    expect(forced[1]).toMatch(/^first poll: failed: .*HTTP 404/);
    expect(await sourceLines()).toHaveLength(2);
  }, 60_000);

  it('a database the CLI creates with the default setting gets the default sources, once', async () => {
    const env = settings('cli-made.db');
    const defaults = JSON.parse(readFileSync(join(ROOT, 'data', 'default-sources.json'), 'utf8')) as Array<{ url: string }>;
    const listed = await cli(['sources', 'list'], env);
    expect(listed).toHaveLength(defaults.length);
    // A server started later with SEED_SOURCES=false neither removes nor re-adds them.
    const server = await startServer(settings('cli-made.db', { SEED_SOURCES: 'false' }));
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(await cli(['sources', 'list'], env)).toHaveLength(defaults.length);
  }, 60_000);
});
