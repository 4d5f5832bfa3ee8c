// The pages in a real browser: headless Chromium (./chromium.ts says which one) driven by playwright-core against the
// app served on 127.0.0.1. A person's paths: the expression box to a topic page, and the admin
// page's login, topic editor, live preview and save. Screenshots of each page, on a phone-sized
// and a desktop viewport, go to test/artifacts/ (git-ignored) for a person to look at.
import { serve, type ServerType } from '@hono/node-server';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, TOKEN, type Harness } from '../api/harness';
import { resolveChromium } from './chromium';

const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');
const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } } as const;

let h: Harness;
let server: ServerType;
let base: string;
let context: BrowserContext;
let profile: string;
const consoleErrors: string[] = [];

async function newPage(viewport: keyof typeof VIEWPORTS): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(VIEWPORTS[viewport]);
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
  return page;
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

beforeAll(async () => {
  const browser = await resolveChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
  h = await startHarness();
  server = serve({ fetch: h.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  profile = mkdtempSync(join(tmpdir(), 'topicwire-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: browser.executablePath,
    headless: true,
    args: browser.args,
  });
}, 60_000);

afterAll(async () => {
  await context?.close();
  server?.close();
  await h?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

describe('the landing page in Chromium', () => {
  it.each(['phone', 'desktop'] as const)('leads from the expression box to the topic page (%s)', async (viewport) => {
    const page = await newPage(viewport);
    await page.goto(`${base}/`);
    await expect.poll(() => page.locator('h1').textContent()).toContain('News by topic');
    await screenshot(page, `landing-${viewport}`);
    await page.fill('input[name=expr]', 'kazakhstan+russia');
    await page.press('input[name=expr]', 'Enter');
    await page.waitForURL(`${base}/topics/kazakhstan+russia`);
    expect(await page.locator('h1').textContent()).toBe('Kazakhstan + Russia');
    expect(await page.locator('article h3').allTextContents()).toEqual([
      'Kremlin says talks with Kazakhstan on Caspian pipeline went well',
      'Казахстан и Россия договорились о транзите зерна',
    ]);
    expect(await page.locator('link[rel=alternate][type="application/rss+xml"]').getAttribute('href')).toBe('http://topicwire.test/feeds/kazakhstan+russia.rss');
    // Readable on a phone: nothing wider than the viewport.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, `topic-kazakhstan-russia-${viewport}`);
    await page.goto(`${base}/topics/russia`);
    await screenshot(page, `topic-russia-${viewport}`);
    await page.close();
  });
});

describe('the admin page in Chromium', () => {
  it.each(['phone', 'desktop'] as const)('logs in, previews a custom topic live, saves it, and the API lists it (%s)', async (viewport) => {
    const slug = `caspian-energy-${viewport}`;
    await context.clearCookies();
    const page = await newPage(viewport);
    await page.goto(`${base}/admin`);
    await screenshot(page, `admin-login-${viewport}`);
    await page.fill('input[name=token]', TOKEN);
    await page.click('button[type=submit]');
    await page.waitForSelector('#sources');
    expect(await page.locator('[role=status]').textContent()).toBe('Logged in.');
    expect(await page.locator('tr[data-source-id]').count()).toBe(8);

    await page.fill('#topic-slug', slug);
    await page.fill('#topic-name', 'Caspian energy');
    await page.fill('#topic-include', 'Caspian pipeline\nTengiz*');
    // The preview comes by itself after a pause in typing.
    await page.waitForSelector('#preview-summary');
    expect(await page.locator('#preview-summary').textContent()).toMatch(/^1 of the \d+ newest stories match/);
    expect(await page.locator('#preview li a').allTextContents()).toEqual(['Kremlin says talks with Kazakhstan on Caspian pipeline went well']);
    await screenshot(page, `admin-preview-${viewport}`);

    await page.click('#editor button[type=submit]');
    await page.waitForURL(`${base}/admin#topics`);
    expect(await page.locator('[role=status]').textContent()).toMatch(new RegExp(`^Saved topic "${slug}"`));
    expect(await page.locator(`tr[data-topic="${slug}"]`).count()).toBe(1);
    await screenshot(page, `admin-saved-${viewport}`);

    const { topics } = (await (await page.request.get(`${base}/api/topics?kind=custom`)).json()) as { topics: Array<{ slug: string; include: string[] }> };
    expect(topics.find((topic) => topic.slug === slug)?.include).toEqual(['Caspian pipeline', 'Tengiz*']);
    await page.close();
  });
});

describe('every page in standards mode', () => {
  // Without <!doctype html> Chromium lays pages out in quirks mode (document.compatMode
  // "BackCompat"). One page of each kind, error pages and the login page included.
  it.each(['/', '/topics/russia', '/topics/kazakhstan+russia', '/topics/no-such-topic', '/topics/a%2Fb%3Cc', '/admin', '/api/docs'])('%s starts with <!doctype html>', async (path) => {
    const body = await (await fetch(`${base}${path}`)).text();
    expect(body.slice(0, 15)).toBe('<!doctype html>');
    // Not newPage(): the error pages' 404 and 400 statuses are console errors by design.
    const page = await context.newPage();
    await page.goto(`${base}${path}`);
    expect(await page.evaluate(() => document.compatMode)).toBe('CSS1Compat');
    await page.close();
  });
});

describe('the API reference in Chromium', () => {
  it('still lists every operation when the reference script cannot load (no network here)', async () => {
    const page = await newPage('desktop');
    await page.goto(`${base}/api/docs`);
    expect(await page.locator('#api-fallback h1').textContent()).toBe('topicwire API');
    expect(await page.locator('#api-fallback code', { hasText: '/api/items' }).count()).toBeGreaterThan(0);
    await screenshot(page, 'api-docs-desktop');
    await page.close();
  });

  it('raised no script errors on our pages (only the CDN script of /api/docs may fail offline)', () => {
    const ours = consoleErrors.filter((line) => !/\/api\/docs: Failed to load resource: net::ERR_/.test(line));
    expect(ours).toEqual([]);
  });
});
