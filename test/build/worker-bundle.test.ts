// The Worker bundles as `wrangler deploy` would build it (a real wrangler process, --dry-run: no
// account, no network), and the bundle fits the Workers size limits (compressed: 3 MiB on the
// free plan, 10 MiB on the paid one; over 10 MiB it cannot be deployed at all).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const MIB = 1024 * 1024;
const outdir = mkdtempSync(join(tmpdir(), 'topicwire-worker-bundle-'));

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('the Worker bundle', () => {
  it('builds with wrangler deploy --dry-run and stays under the 10 MiB compressed limit', async () => {
    const wrangler = join(ROOT, 'node_modules', 'wrangler', 'bin', 'wrangler.js');
    const { stdout } = await promisify(execFile)(process.execPath, [wrangler, 'deploy', '--dry-run', '--outdir', outdir], {
      cwd: ROOT,
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true', NO_COLOR: '1' },
      maxBuffer: 16 * MIB,
    });
    expect(stdout).toContain('--dry-run: exiting now.');
    const bundle = readFileSync(join(outdir, 'worker.js'));
    const gzipped = gzipSync(bundle, { level: 9 }).length;
    // The figure, for whoever reads the test output when the bundle grows.
    console.log(`worker bundle: ${bundle.length} bytes raw, ${gzipped} bytes gzip`);
    expect(bundle.toString('utf8')).toContain('scheduled');
    expect(gzipped).toBeLessThan(10 * MIB);
  }, 120_000);
});
