/**
 * Persian. Names come from i18n-iso-countries and world-countries (fa). The ezafe is mostly
 * unwritten («رئیس‌جمهور روسیه»), or written ی after a vowel («آمریکای»); plurals take ها
 * (written with a zero-width non-joiner, which normalisation removes: روس‌ها → روسها) or ان.
 * Adjectives and demonyms are the name + ی (ایران → ایرانی، روسیه → روسی، آمریکا → آمریکایی),
 * derived here by rule. Reference: Mahootian, "Persian" (Routledge Descriptive Grammars).
 * Capitals and institutions below are the spellings of BBC Persian and IRNA.
 */
import type { CountryTermKind, Inflect, LanguageRules } from './types';
import { withStem } from './word-forms';

const inflect: Inflect = (w, kind) => {
  if (w.length < 2) return [w];
  const vowelFinal = /[اوی]$/.test(w);
  const forms = [w, ...withStem(w, ['ها', 'های', 'هایی', 'ی', 'ای', 'را', 'یی', 'ش'])];
  if (vowelFinal) forms.push(...withStem(w, ['ی', 'یی', 'یان', 'ئی']));
  if (kind !== 'name') forms.push(...withStem(w, ['ان', 'ها', 'یان', 'های']));
  return forms;
};

/** ایران → ایرانی، روسیه → روسی، آمریکا → آمریکایی (one-word names). */
function deriveAdjective(text: string, kind: CountryTermKind): Array<{ text: string; kind: CountryTermKind }> {
  if (kind !== 'name' || text.includes(' ') || text.length < 3 || text.endsWith('ی')) return [];
  const adjective = /[هة]$/.test(text) ? `${text.slice(0, -1)}ی` : /[او]$/.test(text) ? `${text}یی` : `${text}ی`;
  return [{ text: adjective, kind: 'adjective' }];
}

export const fa: LanguageRules = {
  code: 'fa',
  inflect,
  derive: { from: 'fa', terms: deriveAdjective },
  names: {
    US: ['آمریکا', 'امریکا', 'ایالات متحده آمریکا'],
    AZ: ['آذربایجان', 'جمهوری آذربایجان'],
    GB: ['بریتانیا', 'انگلیس'],
    PS: ['فلسطین', 'غزه', 'نوار غزه', 'کرانه باختری'],
  },
  demonyms: {
    RU: ['روس'],
    KZ: ['قزاق'],
    TJ: ['تاجیک'],
    UZ: ['ازبک'],
    AF: ['افغان'],
    TR: ['ترک'],
    KG: ['قرقیز'],
    TM: ['ترکمن'],
  },
  capitals: {
    RU: ['مسکو'],
    US: ['واشنگتن'],
    CN: ['پکن'],
    IR: ['تهران'],
    TR: ['آنکارا'],
    AZ: ['باکو'],
    UA: ['کی‌یف', 'کیف'],
    EG: ['قاهره'],
    SY: ['دمشق'],
    AM: ['ایروان'],
    KZ: ['آستانه', 'آستانا'],
    UZ: ['تاشکند'],
    AF: ['کابل'],
    KG: ['بیشکک'],
    // Dushanbe (دوشنبه) is also the word for Monday: left out.
    TM: ['عشق‌آباد'],
    GE: ['تفلیس'],
    BY: ['مینسک'],
    GB: ['لندن'],
    FR: ['پاریس'],
    DE: ['برلین'],
    IQ: ['بغداد'],
    LB: ['بیروت'],
    SA: ['ریاض'],
    QA: ['دوحه'],
    PK: ['اسلام‌آباد'],
    IN: ['دهلی نو'],
    JP: ['توکیو'],
    KR: ['سئول'],
  },
  institutions: {
    RU: ['کرملین', 'کاخ کرملین', 'دومای دولتی', 'دوما'],
    US: ['کاخ سفید', 'پنتاگون'],
  },
  languageContext: {
    after: [],
    before: ['زبان', 'زبانهای', 'زبان‌های', 'به زبان'],
    beforeAtEnd: [],
  },
  currencyWords: ['روبل', 'دلار', 'یوان', 'تنگه', 'ریال', 'لیر', 'منات'],
  qualifiersBefore: ['دلار', 'تنگه', 'روبل', 'ریال', 'یوان', 'لیر', 'منات', 'سامانی', 'یورو', 'روپیه'],
  conjunctions: ['و', 'یا'],
  blockedPhrases: ['آذربایجان شرقی', 'آذربایجان غربی', 'استان آذربایجان', 'ایالت جورجیا', 'ایران‌ایر', 'ایران ایر', 'خلیج فارس', 'دریای خزر'],
};
