/**
 * Dates as feeds write them, to a Date or null (never an Invalid Date).
 *
 * Understood: RFC 822/1123 with numeric or named zones ("Tue, 17 Feb 2026 21:09:20 EST"),
 * two-digit years, month names in English and the Romance/German languages feeds use
 * ("Seg, 24 Set 2018"), ISO 8601 / RFC 3339 with or without a colon in the offset
 * ("2026-02-17T17:36:36-0500"), a space instead of the T ("2019-05-18 10:58:46 +0300"), and
 * "Feb 17, 2026 10:00 AM". A missing zone means UTC, as does an unknown zone abbreviation:
 * a date a few hours off sorts better than no date. The Unix epoch itself is treated as
 * missing: feeds that print 1970-01-01 mean "no date".
 *
 * Deliberately no fallback to `Date.parse`: its non-ISO forms depend on the host's time zone.
 */

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: Array<[number, string[]]> = [
  [1, ['jan', 'january', 'janeiro', 'enero', 'ene', 'janv', 'janvier', 'januar', 'gen', 'gennaio']],
  [2, ['feb', 'february', 'fev', 'fevereiro', 'febrero', 'fevr', 'févr', 'février', 'fevrier', 'februar', 'febbraio']],
  [3, ['mar', 'march', 'marco', 'março', 'marzo', 'mars', 'mär', 'märz', 'mrz', 'maerz']],
  [4, ['apr', 'april', 'abr', 'abril', 'avr', 'avril', 'aprile']],
  [5, ['may', 'mai', 'maio', 'mayo', 'maggio', 'mag']],
  [6, ['jun', 'june', 'junho', 'junio', 'juin', 'juni', 'giu', 'giugno']],
  [7, ['jul', 'july', 'julho', 'julio', 'juil', 'juillet', 'juli', 'lug', 'luglio']],
  [8, ['aug', 'august', 'ago', 'agosto', 'aout', 'août', 'aoû']],
  [9, ['sep', 'sept', 'september', 'set', 'setembro', 'septiembre', 'septembre', 'settembre']],
  [10, ['oct', 'october', 'out', 'outubro', 'octubre', 'octobre', 'okt', 'oktober', 'ott', 'ottobre']],
  [11, ['nov', 'november', 'novembro', 'noviembre', 'novembre']],
  [12, ['dec', 'december', 'dez', 'dezembro', 'dic', 'diciembre', 'déc', 'décembre', 'decembre', 'dezember', 'dicembre']],
];
for (const [month, names] of MONTH_NAMES) for (const name of names) MONTHS[name] = month;

// Offsets in minutes. RFC 822 names the US zones; the rest are the ones news feeds print.
// IST is read as India (+05:30), the far more common meaning in news feeds.
const ZONES: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, WET: 0,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  AKST: -540, AKDT: -480, HST: -600, AST: -240, ADT: -180, NST: -210, NDT: -150,
  BST: 60, IST: 330, CET: 60, CEST: 120, MET: 60, MEST: 120, WEST: 60, EET: 120, EEST: 180,
  MSK: 180, TRT: 180, GST: 240, PKT: 300, NPT: 345, ICT: 420, WIB: 420, HKT: 480, SGT: 480,
  PHT: 480, AWST: 480, JST: 540, KST: 540, ACST: 570, AEST: 600, AEDT: 660, NZST: 720, NZDT: 780,
};

const ISO_8601 =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[T\s]+(\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
// A leading weekday must end in a comma or a space, so "February" is never split into two words.
const RFC_822 =
  /^(?:[\p{L}]+\.?(?:,\s*|\s+))?(\d{1,2})(?:\.\s*|\s+|-)([\p{L}]+)\.?(?:\s+|-)(\d{2}|\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*([+-]\d{2}:?\d{2}|[A-Z]{1,5})?(?:\s*\([^)]*\))?$/iu;
const MONTH_FIRST =
  /^(?:[\p{L}]+\.?(?:,\s*|\s+))?([\p{L}]+)\.?\s+(\d{1,2}),?\s+(\d{4})(?:,?\s+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]\.?M\.?)?)?\s*([+-]\d{2}:?\d{2}|[A-Z]{1,5})?$/iu;

/** A feed date to a Date, or null when it is missing, unparseable or a placeholder. */
export function parseFeedDate(value: string | null | undefined): Date | null {
  if (typeof value !== 'string') return null;
  const text = value.trim().replace(/\s+/g, ' ');
  if (text === '') return null;
  const date = parseIso(text) ?? parseRfc822(text) ?? parseMonthFirst(text);
  if (!date || date.getTime() === 0) return null;
  return date;
}

function parseIso(text: string): Date | null {
  const m = ISO_8601.exec(text);
  if (!m) return null;
  const fraction = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  return buildDate(
    Number(m[1]), Number(m[2]), Number(m[3]),
    Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), fraction,
    zoneOffsetMinutes(m[8]),
  );
}

function parseRfc822(text: string): Date | null {
  const m = RFC_822.exec(text);
  if (!m) return null;
  const month = MONTHS[(m[2] ?? '').toLowerCase()];
  if (month === undefined) return null;
  return buildDate(
    fullYear(m[3] ?? ''), month, Number(m[1]),
    Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), 0,
    zoneOffsetMinutes(m[7]),
  );
}

function parseMonthFirst(text: string): Date | null {
  const m = MONTH_FIRST.exec(text);
  if (!m) return null;
  const month = MONTHS[(m[1] ?? '').toLowerCase()];
  if (month === undefined) return null;
  let hours = Number(m[4] ?? 0);
  const meridiem = (m[7] ?? '').replace(/\./g, '').toUpperCase();
  if (meridiem !== '') {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (meridiem === 'PM' ? 12 : 0);
  }
  return buildDate(
    Number(m[3]), month, Number(m[2]),
    hours, Number(m[5] ?? 0), Number(m[6] ?? 0), 0,
    zoneOffsetMinutes(m[8]),
  );
}

function fullYear(digits: string): number {
  const year = Number(digits);
  if (digits.length === 4) return year;
  return year < 50 ? 2000 + year : 1900 + year;
}

function zoneOffsetMinutes(zone: string | undefined): number | null {
  if (zone === undefined || zone === '') return 0;
  const numeric = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (numeric) {
    const hours = Number(numeric[2]);
    const minutes = Number(numeric[3] ?? 0);
    if (hours > 14 || minutes > 59) return null;
    return (numeric[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  return ZONES[zone.toUpperCase()] ?? 0;
}

function buildDate(
  year: number, month: number, day: number,
  hours: number, minutes: number, seconds: number, milliseconds: number,
  offsetMinutes: number | null,
): Date | null {
  if (offsetMinutes === null) return null;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  if (hours > 24 || minutes > 59 || seconds > 60 || (hours === 24 && (minutes > 0 || seconds > 0))) return null;
  // Reject 31 February rather than letting Date roll it into March.
  const dayCheck = new Date(Date.UTC(year, month - 1, day));
  if (dayCheck.getUTCDate() !== day) return null;
  const utcMs =
    Date.UTC(year, month - 1, day, hours, minutes, Math.min(seconds, 59), milliseconds) - offsetMinutes * 60_000;
  const date = new Date(utcMs);
  return Number.isNaN(date.getTime()) ? null : date;
}
