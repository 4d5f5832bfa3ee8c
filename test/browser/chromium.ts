// The Chromium the browser tests drive: CHROMIUM_PATH if set, else Debian's /usr/bin/chromium
// when present, else the one @sparticuz/chromium (a devDependency) ships inside the package, so
// `npm ci` alone is enough. The packaged build unpacks itself to a temp folder (~1.5 s) and
// wants its own flags (STACK.md); on top of them, nothing that would reach the network.
import chromiumPackage from '@sparticuz/chromium';
import { existsSync } from 'node:fs';

export interface ChromiumLaunch {
  executablePath: string;
  args: string[];
  /** Where it came from, for messages. */
  source: 'CHROMIUM_PATH' | '/usr/bin/chromium' | '@sparticuz/chromium';
}

const QUIET = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SYSTEM = '/usr/bin/chromium';

/** Resolves the browser; throws one readable line when none can be had. */
export async function resolveChromium(): Promise<ChromiumLaunch> {
  const override = process.env.CHROMIUM_PATH;
  if (override) {
    if (!existsSync(override)) throw new Error(`CHROMIUM_PATH is set to ${override}, which does not exist`);
    return { executablePath: override, args: ['--no-sandbox', '--headless', '--disable-gpu', ...QUIET], source: 'CHROMIUM_PATH' };
  }
  if (existsSync(SYSTEM)) return { executablePath: SYSTEM, args: ['--no-sandbox', '--headless', '--disable-gpu', ...QUIET], source: SYSTEM };
  if (process.platform !== 'linux') {
    throw new Error(`no Chromium: @sparticuz/chromium ships a Linux build only; set CHROMIUM_PATH to a Chromium or Chrome binary on ${process.platform}`);
  }
  const executablePath = await chromiumPackage.executablePath();
  return { executablePath, args: [...chromiumPackage.args, ...QUIET], source: '@sparticuz/chromium' };
}
