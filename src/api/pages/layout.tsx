/**
 * The frame every page for people shares, and the small components they use. Pages are
 * server-rendered (hono/jsx escapes every text and attribute); the only script is the admin
 * topic editor's preview, allowed by a per-request CSP nonce.
 */
import type { Context } from 'hono';
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { AppEnv } from '../context';

const STYLE = `
:root{--bg:#f6f6f3;--card:#fff;--text:#1c1c1a;--muted:#5f6368;--line:#e2e2dc;--accent:#0b57d0;--accent-bg:#e8f0fe;--ok:#137333;--bad:#b3261e;--warn:#8a5a00;--mark:#fff3a3}
@media (prefers-color-scheme:dark){:root{--bg:#131416;--card:#1c1d20;--text:#e8e8e6;--muted:#a5a8ad;--line:#34363a;--accent:#8ab4f8;--accent-bg:#233047;--ok:#81c995;--bad:#f28b82;--warn:#fdd663;--mark:#5c4d00}}
*{box-sizing:border-box}
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:var(--text);background:var(--bg);-webkit-text-size-adjust:100%}
a{color:var(--accent);text-decoration-thickness:1px;text-underline-offset:2px}
header.site{display:flex;flex-wrap:wrap;align-items:baseline;gap:.25rem 1rem;padding:.75rem 1rem;border-bottom:1px solid var(--line);background:var(--card)}
header.site .brand{font-weight:700;font-size:1.15rem;color:var(--text);text-decoration:none;margin-right:auto}
header.site nav{display:flex;gap:1rem;font-size:.95rem}
main{max-width:56rem;margin:0 auto;padding:1rem}
footer{max-width:56rem;margin:2rem auto;padding:0 1rem 2rem;color:var(--muted);font-size:.85rem}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 .25rem}
h2{font-size:1.15rem;margin:2rem 0 .5rem}
.lead{color:var(--muted);margin:.25rem 0 1rem}
.card{background:var(--card);border:1px solid var(--line);border-radius:.6rem;padding:1rem;margin:1rem 0}
form.inline{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
input[type=text],input[type=url],input[type=password],textarea{font:inherit;padding:.55rem .65rem;border:1px solid var(--line);border-radius:.4rem;background:var(--bg);color:var(--text);min-width:0}
form.inline input[type=text],form.inline input[type=url],form.inline input[type=password]{flex:1 1 14rem}
textarea{width:100%;min-height:5.5rem;font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.9rem}
button,.button{font:inherit;font-size:.95rem;padding:.5rem .9rem;border-radius:.4rem;border:1px solid var(--accent);background:var(--accent);color:var(--card);cursor:pointer;text-decoration:none;display:inline-block}
button.secondary,.button.secondary{background:transparent;color:var(--accent)}
button.danger{background:transparent;border-color:var(--bad);color:var(--bad)}
button.small,.button.small{font-size:.8rem;padding:.2rem .5rem}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.9em;background:var(--accent-bg);padding:0 .25rem;border-radius:.25rem}
.muted{color:var(--muted)}.small{font-size:.85rem}
.feeds{display:inline-flex;flex-wrap:wrap;gap:.3rem}
.feeds a{font-size:.75rem;padding:.05rem .4rem;border:1px solid var(--line);border-radius:1rem;text-decoration:none;white-space:nowrap}
ul.topics{list-style:none;padding:0;margin:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(19rem,1fr));gap:.15rem 1.25rem}
ul.topics li{display:flex;align-items:baseline;gap:.4rem;padding:.3rem 0;border-bottom:1px solid var(--line)}
ul.topics li .name{flex:1;min-width:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.count{color:var(--muted);font-size:.85rem;font-variant-numeric:tabular-nums}
ul.pairs{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.5rem}
ul.pairs li a{display:inline-block;padding:.3rem .7rem;border-radius:1rem;background:var(--accent-bg);text-decoration:none}
article.item{background:var(--card);border:1px solid var(--line);border-radius:.6rem;padding:.8rem 1rem;margin:.75rem 0}
article.item h3{font-size:1.05rem;line-height:1.35;margin:0 0 .25rem}
article.item h3 a{color:var(--text);text-decoration:none}article.item h3 a:hover{text-decoration:underline}
article.item p{margin:.4rem 0}
.meta{color:var(--muted);font-size:.85rem}
.tag{display:inline-block;background:var(--accent-bg);border-radius:.3rem;padding:0 .4rem;margin:.15rem .15rem 0 0;font-size:.8rem;text-decoration:none}
.chart-figure{margin:.5rem 0 1rem}.chart{width:100%;height:4.5rem;display:block;color:var(--accent)}
.chart-legend{display:flex;justify-content:space-between;color:var(--muted);font-size:.75rem}
.notice{padding:.6rem .9rem;border-radius:.4rem;background:var(--accent-bg);margin:1rem 0}
.notice.error{background:transparent;border:1px solid var(--bad);color:var(--bad)}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{text-align:left;padding:.45rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
th{font-weight:600;color:var(--muted);font-size:.8rem;text-transform:uppercase;letter-spacing:.03em}
.status{font-weight:600}.status.ok{color:var(--ok)}.status.error,.status.gone{color:var(--bad)}.status.not_modified{color:var(--ok)}.status.never{color:var(--warn)}
.error-text{color:var(--bad);font-size:.8rem;max-width:22rem;overflow-wrap:anywhere}
.url{overflow-wrap:anywhere;font-size:.8rem}
.actions{display:flex;flex-wrap:wrap;gap:.3rem}.actions form{margin:0}
.grid2{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
@media (max-width:40rem){.grid2{grid-template-columns:1fr}h1{font-size:1.35rem}main{padding:.75rem}}
label{display:block;font-weight:600;font-size:.9rem;margin:.6rem 0 .2rem}
label.check{display:inline-flex;gap:.35rem;font-weight:400;margin-right:1rem}
.field-row{display:grid;grid-template-columns:1fr 1fr;gap:0 1rem}
@media (max-width:40rem){.field-row{grid-template-columns:1fr}}
.field-row input{width:100%}
#preview ol{padding-left:1.25rem;margin:.5rem 0}#preview li{margin:.2rem 0}
#preview .gained{color:var(--ok)}#preview .lost{color:var(--bad)}
mark{background:var(--mark);color:inherit}
.copy{display:flex;gap:.4rem;align-items:center;margin:.25rem 0}.copy input{flex:1;font-size:.85rem}
details summary{cursor:pointer}
.hint{flex-basis:100%;margin:.25rem 0 0}
.push-right{margin-left:auto}.wide{width:100%}
.card>h2:first-child{margin-top:0}
table.ops td:first-child{width:4.5rem}table.ops td:nth-child(2){width:38%}
.chart-title{font-size:.8rem;color:var(--muted);margin:.75rem 0 .25rem}
@media (max-width:40rem){
table.responsive thead{display:none}
table.responsive tr{display:block;padding:.6rem 0;border-bottom:1px solid var(--line)}
table.responsive td{display:block;border:none;padding:.1rem 0}
table.responsive td[data-label]::before{content:attr(data-label) ": ";color:var(--muted);font-size:.75rem;text-transform:uppercase;letter-spacing:.03em}
.chart-legend span:nth-child(2){display:none}
}
`;

export interface LayoutProps {
  title: string;
  /** Extra elements for <head> (feed autodiscovery links). */
  head?: Child;
  /** The CSP nonce of this response, when the page carries a script. */
  nonce?: string;
  children: Child;
}

export function Layout(props: LayoutProps) {
  // The doctype keeps browsers out of quirks mode; JSX has no syntax for it.
  return (
    <>
      {raw('<!doctype html>')}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="color-scheme" content="light dark" />
          <link rel="icon" href="data:," />
          <title>{props.title}</title>
          <style nonce={props.nonce} dangerouslySetInnerHTML={{ __html: STYLE }} />
          {props.head}
        </head>
        <body>
          <header class="site">
            <a class="brand" href="/">topicwire</a>
            <nav>
              <a href="/">Topics</a>
              <a href="/api/docs">API</a>
              <a href="/admin">Admin</a>
            </nav>
          </header>
          <main>{props.children}</main>
          <footer>
            Every story about any combination of topics, from every source, each story once. <a href="/opml">OPML of all topic feeds</a> ·{' '}
            <a href="/api/openapi.json">OpenAPI</a>
          </footer>
        </body>
      </html>
    </>
  );
}

/** Subscribe links for a feed path such as `/feeds/kazakhstan+russia`. */
export function FeedLinks(props: { base: string; label?: string }) {
  return (
    <span class="feeds" aria-label={props.label ?? 'Subscribe'}>
      <a href={`${props.base}.rss`} type="application/rss+xml">RSS</a>
      <a href={`${props.base}.atom`} type="application/atom+xml">Atom</a>
      <a href={`${props.base}.json`} type="application/feed+json">JSON</a>
    </span>
  );
}

const DAY_MS = 86_400_000;

/**
 * Items per day for the `days` days up to today (UTC) as an inline SVG bar chart: one bar per
 * day, each with a tooltip, scaled to the busiest day.
 */
export function DayChart(props: { perDay: Map<number, number>; now: number; days: number }) {
  const today = Math.floor(props.now / DAY_MS);
  const days = Array.from({ length: props.days }, (_, i) => today - props.days + 1 + i);
  const counts = days.map((day) => props.perDay.get(day) ?? 0);
  const total = counts.reduce((sum, n) => sum + n, 0);
  const peak = Math.max(1, ...counts);
  const width = 300;
  const height = 64;
  const slot = width / days.length;
  const date = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
  return (
    <figure class="chart-figure">
      <figcaption class="chart-title">Stories per day, last {props.days} days</figcaption>
      <svg
        class="chart"
        viewBox={`0 0 ${width} ${height + 2}`}
        role="img"
        aria-label={`Stories per day over the last ${props.days} days: ${total} in all, at most ${Math.max(...counts)} in a day`}
        preserveAspectRatio="none"
      >
        <line x1="0" y1={height + 1} x2={width} y2={height + 1} stroke="currentColor" stroke-opacity="0.3" stroke-width="1" />
        {days.map((day, i) => {
          const n = counts[i] ?? 0;
          const barHeight = n === 0 ? 0 : Math.max(2, (n / peak) * height);
          return (
            <rect x={(i * slot + slot * 0.15).toFixed(2)} y={(height - barHeight).toFixed(2)} width={(slot * 0.7).toFixed(2)} height={barHeight.toFixed(2)} fill="currentColor" rx="1">
              <title>{`${date(day)}: ${n} ${n === 1 ? 'story' : 'stories'}`}</title>
            </rect>
          );
        })}
      </svg>
      <div class="chart-legend">
        <span>{date(days[0] ?? today)}</span>
        <span>
          {total} {total === 1 ? 'story' : 'stories'} in {props.days} days · peak {Math.max(...counts)}/day
        </span>
        <span>{date(today)}</span>
      </div>
    </figure>
  );
}

/** A date as people read it in a list: "17 Feb 2026, 20:05 UTC". */
export function formatDate(ms: number): string {
  const d = new Date(ms);
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  return `${d.getUTCDate()} ${month} ${d.getUTCFullYear()}, ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')} UTC`;
}

/** A fresh CSP nonce (base64 of 16 random bytes). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Security headers for a page: no framing, no sniffing, and a CSP that allows our own styles,
 * forms and fetches, and scripts only with this response's nonce.
 */
export function setPageHeaders(c: Context<AppEnv>, nonce: string): void {
  c.header(
    'content-security-policy',
    `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
  );
  c.header('x-content-type-options', 'nosniff');
  c.header('referrer-policy', 'same-origin');
}
