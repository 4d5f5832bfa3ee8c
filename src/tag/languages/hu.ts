/**
 * Hungarian: inflection rules, terms the data packages lack, context words.
 * Rules follow the language's standard grammar (Wiktionary's declension tables are a convenient
 * reference); terms are the standard forms in the language's dictionaries; see ../README.md.
 */
import type { Inflect, LanguageRules } from './types';
import { withStem } from './word-forms';

const inflect: Inflect = (w, kind) => {
  if (w.length < 3) return [w];
  let back = true;
  for (let i = w.length - 1; i >= 0; i--) {
    const ch = w[i] ?? '';
    if ('aáoóuú'.includes(ch)) break;
    if ('eéiíöőüű'.includes(ch)) {
      back = false;
      break;
    }
  }
  // Final a/e lengthen before a suffix: Kína → Kínában.
  const stem = w.endsWith('a') ? w.slice(0, -1) + 'á' : w.endsWith('e') ? w.slice(0, -1) + 'é' : w;
  const vowelFinal = /[aáeéiíoóöőuúüű]$/.test(stem);
  const last = stem.slice(-1);
  const pairs = back
    ? ['ban', 'ba', 'ból', 'ról', 'ra', 'nak', 'hoz', 'tól', 'on', 'n', 't', 'ot', 'at', 'ért', 'ig', 'i', 'ként', 'ok', 'okat', 'ul']
    : ['ben', 'be', 'ből', 'ről', 're', 'nek', 'hez', 'höz', 'től', 'en', 'ön', 'n', 't', 'et', 'öt', 'ért', 'ig', 'i', 'ként', 'ek', 'eket', 'ül'];
  const comitative = vowelFinal ? (back ? 'val' : 'vel') : last + (back ? 'al' : 'el');
  const forms = [w, ...withStem(stem, pairs), stem + comitative];
  if (kind === 'name') forms.push(...withStem(stem + 'i', ['', 'ak', 'akat', 'ek', 'eket']));
  return forms;
};

export const hu: LanguageRules = {
  code: 'hu',
  adjectives: {
    RU: ['orosz'],
    KZ: ['kazah', 'kazahsztáni'],
    US: ['amerikai'],
    DE: ['német'],
    UA: ['ukrán'],
    CN: ['kínai'],
    HU: ['magyar'],
  },
  capitals: {
    RU: ['Moszkva'],
    KZ: ['Asztana'],
    UA: ['Kijev'],
    HU: ['Budapest'],
  },
  institutions: {
    RU: ['Kreml'],
    US: ['Fehér Ház'],
  },
  inflect,
};
