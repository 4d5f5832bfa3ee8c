/**
 * Turkish: inflection rules, terms the data packages lack, context words.
 * Rules follow the language's standard grammar (Wiktionary's declension tables are a convenient
 * reference); terms are the standard forms in the language's dictionaries; see ../README.md.
 */
import type { Inflect, LanguageRules } from './types';

function trHarmony(w: string): { two: string; four: string } {
  for (let i = w.length - 1; i >= 0; i--) {
    const ch = w[i] ?? '';
    if ('aı'.includes(ch)) return { two: 'a', four: 'ı' };
    if ('ou'.includes(ch)) return { two: 'a', four: 'u' };
    if ('ei'.includes(ch)) return { two: 'e', four: 'i' };
    if ('öü'.includes(ch)) return { two: 'e', four: 'ü' };
  }
  return { two: 'a', four: 'ı' };
}

const inflect: Inflect = (w, kind) => {
  // Case endings of proper names follow an apostrophe, which the tokenizer splits off
  // (Türkiye'nin → türkiye + nin). What remains are derivations written without one.
  const { two, four } = trHarmony(w);
  const plural = `l${two}r`;
  const pluralHarmony = two === 'a' ? 'ı' : 'i';
  const pluralCases = ['', `${pluralHarmony}n`, `${pluralHarmony}`, `${two}`, `l${two}`, `d${two}`, `d${two}n`, `${pluralHarmony}n${pluralHarmony}`];
  if (kind === 'name') {
    const li = `${w}l${four}`;
    const liHarmony = trHarmony(li);
    const liPlural = `l${liHarmony.two}r`;
    return [w, li, ...pluralCases.map((c) => li + liPlural + c), li + 'y' + liHarmony.four];
  }
  // Demonyms and adjectives (Rus, Kazak): plural and case endings without an apostrophe.
  return [w, ...pluralCases.map((c) => w + plural + c)];
};

export const tr: LanguageRules = {
  code: 'tr',
  names: {
    US: ['ABD', 'Amerika'],
    GB: ['İngiltere', 'Britanya'],
    PS: ['Filistin', 'Gazze'],
  },
  adjectives: {
    RU: ['Rus'],
    KZ: ['Kazak'],
    TR: ['Türk'],
    US: ['Amerikan'],
    GB: ['İngiliz'],
    DE: ['Alman'],
    FR: ['Fransız'],
    CN: ['Çinli'],
    UA: ['Ukraynalı'],
    TJ: ['Tacik'],
    KG: ['Kırgız'],
    UZ: ['Özbek'],
    TM: ['Türkmen'],
    AZ: ['Azerbaycanlı'],
  },
  capitals: {
    RU: ['Moskova'],
    KZ: ['Astana'],
    UA: ['Kiev'],
    US: ['Vaşington'],
    CN: ['Pekin'],
    GB: ['Londra'],
    TR: ['Ankara'],
    DE: ['Berlin'],
    FR: ['Paris'],
  },
  institutions: {
    RU: ['Kremlin'],
    US: ['Beyaz Saray'],
  },
  conjunctions: ['ve', 'ile'],
  // «Türk» in these names means Turkic, or a firm; the river and the US state are not countries.
  blockedPhrases: [
    'Türk Devletleri Teşkilatı', 'Türk Devletleri', 'Türk dünyası', 'Türk Hava Yolları', 'Türk Keneşi', 'Ürdün Nehri',
    'Georgia eyaleti', 'Georgia Eyaleti', 'Georgia eyaletinde', 'Georgia eyaletindeki', 'BBC Türkçe',
  ],
  languageContext: { after: ['dili', 'dilinde', 'dilindeki', 'dilini', 'dilli'], before: [], beforeAtEnd: [] },
  currencyWords: ['rublesi', 'ruble', 'doları', 'dolar', 'tengesi', 'lirası'],
  inflect,
};
