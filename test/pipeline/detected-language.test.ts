// A feed that declares no language has its items' language detected when they are polled, so
// that the matcher applies that language's rules; the items are stored with it and the API
// filters on it. A declared language is never second-guessed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app';
import { pollSource } from '../../src/pipeline/poll-source';
import { createNodeRuntime, type NodeRuntime } from '../../src/runtime/node-deps';
import { insertSource } from '../../src/store/sources';
import { startOrigin, type Origin } from '../helpers/origin';

const T0 = Date.UTC(2026, 10, 1);

function rss(items: { title: string; description: string }[], language?: string): string {
  const body = items
    .map((item, n) => `<item><guid>item-${n}</guid><link>https://news.example/${language ?? 'none'}/${n}</link>`
      + `<title>${item.title}</title><description>${item.description}</description>`
      + `<pubDate>${new Date(T0 - n * 60_000).toUTCString()}</pubDate></item>`)
    .join('\n');
  const declared = language === undefined ? '' : `<language>${language}</language>`;
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Feed</title><link>https://news.example/</link>${declared}${body}</channel></rss>`;
}

const kazakh = [
  { title: 'Үкімет жаңа мектептер салуды жоспарлап отыр', description: 'Министрлік биыл елу мектеп ашылатынын хабарлады.' },
  { title: 'Астанада халықаралық форум өтті', description: 'Форумға отыздан астам елдің өкілдері қатысты.' },
  { title: 'Kazakhstan signs a trade agreement with the European Union', description: 'The deal covers grain and rare earths.' },
];

let origin: Origin;
let runtime: NodeRuntime;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  origin = await startOrigin({
    '/undeclared.xml': { body: rss(kazakh), contentType: 'application/rss+xml' },
    '/declared.xml': { body: rss([{ title: 'Новости Казахстана', description: 'Правительство обсудило бюджет.' }], 'ru'), contentType: 'application/rss+xml' },
  });
  const dir = mkdtempSync(join(tmpdir(), 'topicwire-detect-'));
  runtime = await createNodeRuntime({
    DATABASE_URL: `file:${join(dir, 'detect.db')}`,
    SEED_SOURCES: 'false',
    ALLOW_PRIVATE_SOURCES: 'true',
    POLL_INTERVAL_SECONDS: '0',
  }, { now: () => T0 });
  app = createApp(runtime.app);
  for (const path of ['/undeclared.xml', '/declared.xml']) {
    const { source } = await insertSource(runtime.db, { url: `${origin.url}${path}` }, T0);
    expect(await pollSource(runtime.pipeline, source)).toMatchObject({ status: 'ok' });
  }
});

afterAll(async () => {
  runtime?.close();
  await origin?.close();
});

async function titlesIn(language: string): Promise<string[]> {
  const response = await app.request(`/api/items?lang=${language}&limit=50`);
  expect(response.status).toBe(200);
  const { items } = (await response.json()) as { items: { title: string; language: string | null }[] };
  for (const item of items) expect(item.language).toBe(language);
  return items.map((item) => item.title).sort();
}

describe('pollSource on a feed that declares no language', () => {
  it('stores its items with the language detected for the document, and an item in another script with its own', async () => {
    expect(await titlesIn('kk')).toEqual(['Астанада халықаралық форум өтті', 'Үкімет жаңа мектептер салуды жоспарлап отыр']);
    expect(await titlesIn('en')).toEqual(['Kazakhstan signs a trade agreement with the European Union']);
  });

  it('keeps the language a feed declares', async () => {
    expect(await titlesIn('ru')).toEqual(['Новости Казахстана']);
  });
});
