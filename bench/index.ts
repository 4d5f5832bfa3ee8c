// `npm run bench`: runs every benchmark in this folder, one after the other. Each prints one
// JSON line per figure. Benchmarks are not tests: they measure, they do not assert.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
for (const file of readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort()) {
  if (only && !file.includes(only)) continue;
  console.error(`# ${file}`);
  const module = (await import(pathToFileURL(join(here, file)).href)) as { main?: () => Promise<void> | void };
  if (typeof module.main === 'function') await module.main();
}
