/**
 * Finnish: inflection rules, terms the data packages lack, context words.
 * Rules follow the language's standard grammar (Wiktionary's declension tables are a convenient
 * reference); terms are the standard forms in the language's dictionaries; see ../README.md.
 */
import type { Inflect, LanguageRules, WordKind } from './types';
import { withStem } from './word-forms';

function fiForms(w: string, kind: WordKind): string[] {
  let back = true;
  for (let i = w.length - 1; i >= 0; i--) {
    const ch = w[i] ?? '';
    if ('aou'.includes(ch)) break;
    if ('äöy'.includes(ch)) {
      back = false;
      break;
    }
  }
  const a = back ? 'a' : 'ä';
  if (kind !== 'name' && w.endsWith('inen')) {
    const stem = w.slice(0, -4);
    return withStem(stem, [
      'inen', 'isen', 'iset', 'isten', `ist${a}`, `isi${a}`, 'isiin', 'iseen', `isess${a}`, `isest${a}`, 'iselle',
      `isell${a}`, `iselt${a}`, `isen${a}`, 'iseksi', `isiss${a}`, `isist${a}`, 'isille', `isill${a}`, `isilt${a}`, `isin${a}`,
    ]);
  }
  // Consonant-final loan names take a linking -i- (Kazakstan → Kazakstanin, Iran → Iranissa).
  const stems = /[aeiouyäö]$/.test(w) ? [w] : [w + 'i'];
  const strong = stems[0] ?? w;
  // Consonant gradation in the weak grade: Turkki → Turkin, Ranska keeps its stem.
  const gradation = /(kk|pp|tt)([aeiouyäö])$/.exec(strong);
  if (gradation) stems.push(strong.slice(0, -3) + (gradation[1] ?? '').slice(1) + (gradation[2] ?? ''));
  const forms = new Set<string>([w]);
  const last = strong.slice(-1);
  for (const stem of stems) {
    for (const ending of ['n', `ss${a}`, `st${a}`, `ll${a}`, `lt${a}`, 'lle', `n${a}`, 'ksi', 't', `${a}`, `t${a}`]) forms.add(stem + ending);
  }
  forms.add(strong + last + 'n'); // illative: Venäjään, Kiinaan, Kazakstaniin
  forms.add(strong + 'h' + last + 'n');
  return [...forms];
}

const inflect: Inflect = (w, kind) => (w.length < 3 ? [w] : fiForms(w, kind));

export const fi: LanguageRules = {
  code: 'fi',
  adjectives: {
    RU: ['venäläinen'],
    KZ: ['kazakstanilainen', 'kazakki'],
    US: ['yhdysvaltalainen', 'amerikkalainen'],
    FI: ['suomalainen'],
    SE: ['ruotsalainen'],
    DE: ['saksalainen'],
    CN: ['kiinalainen'],
    UA: ['ukrainalainen'],
  },
  capitals: {
    RU: ['Moskova'],
    KZ: ['Astana'],
    UA: ['Kiova'],
    FI: ['Helsinki'],
    SE: ['Tukholma'],
  },
  institutions: {
    RU: ['Kreml'],
    US: ['Valkoinen talo', '=Valkoisen talon', '=Valkoisessa talossa'],
  },
  inflect,
};
