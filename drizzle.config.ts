import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'turso',
  schema: './src/store/schema.ts',
  out: './drizzle',
  dbCredentials: { url: 'file:data/topicwire.db' },
  // The FTS5 virtual tables are created by a hand-written migration; push must not drop them.
  tablesFilter: ['!items_fts*'],
});
