// A child process for tests: opens the database at DATABASE_URL as `npm start` would
// (migrate, seed), then prints one JSON line and exits. Run with `node --import tsx`.
import { createNodeRuntime } from '../../src/runtime/node-deps';

const runtime = await createNodeRuntime(process.env);
const mode = await runtime.client.execute('pragma journal_mode');
console.log(JSON.stringify({ ok: true, journalMode: mode.rows[0]?.['journal_mode'] }));
runtime.close();
