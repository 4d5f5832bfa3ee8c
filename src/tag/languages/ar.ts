/**
 * Arabic. Names come from i18n-iso-countries and world-countries (ar). Arabic writes its
 * proclitics on the word: the conjunctions و and ف, the prepositions ب ل ك, and the article ال
 * (ل + ال is written لل): وروسيا، بروسيا، للصين، وبالصين. Adjectives and demonyms are nisbas made
 * from the name by rule (روسيا → روسي، الروسية، الروس؛ كازاخستان → كازاخستاني، الكازاخ), so
 * they are derived here rather than listed. Reference: Ryding, "A Reference Grammar of Modern
 * Standard Arabic" (ch. 8, nisba adjectives; ch. 7, proclitics). Capitals and institutions below
 * are the spellings of Al Jazeera, BBC Arabic and Sky News Arabia.
 */
import type { CountryTermKind, Inflect, LanguageRules } from './types';

const article = 'ال';
// The common ones and their common pairs (each form costs a trie entry).
const plainClitics = ['و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول'];
const articleClitics = ['و', 'ف', 'ب', 'ك', 'وب'];

/** A word with the proclitics it can take (with or without the article). */
function withClitics(word: string, allowArticle: boolean): string[] {
  if (word.startsWith(article)) {
    const bare = word.slice(2);
    return [word, ...articleClitics.map((c) => c + word), `لل${bare}`, `ولل${bare}`];
  }
  const forms = [word, ...plainClitics.map((c) => c + word)];
  if (allowArticle) forms.push(...withClitics(article + word, false));
  return forms;
}

/** The nisba endings: masculine, feminine, plural (nominative and oblique). */
const nisbaEndings = ['ي', 'ية', 'يون', 'يين'];

const inflect: Inflect = (w, kind) => {
  if (w.length < 2) return [w];
  if (kind === 'name') return withClitics(w, false);
  // A nisba (masculine singular, no article) in every gender, number and clitic form.
  if (w.endsWith('ي')) {
    const stem = w.slice(0, -1);
    return nisbaEndings.flatMap((ending) => withClitics(stem + ending, true));
  }
  return withClitics(w, true);
};

/** The nisba stem of a one-word name: روسيا → روس، أمريكا → أمريك، الصين → صين. */
function nisbaStem(name: string): string | null {
  if (name.includes(' ')) return null;
  const bare = name.startsWith(article) ? name.slice(2) : name;
  const stem = bare.endsWith('يا') ? bare.slice(0, -2) : /[اةه]$/.test(bare) ? bare.slice(0, -1) : bare;
  return stem.length >= 2 ? stem : null;
}

function deriveNisbas(text: string, kind: CountryTermKind): Array<{ text: string; kind: CountryTermKind }> {
  if (kind !== 'name') return [];
  const stem = nisbaStem(text);
  if (!stem) return [];
  const terms: Array<{ text: string; kind: CountryTermKind }> = [{ text: `${stem}ي`, kind: 'adjective' }];
  // The people: كازاخستان → الكازاخ، روسيا → الروس (broken plurals of the common demonyms).
  const people = stem.endsWith('ستان') ? stem.slice(0, -4) : text.endsWith('يا') ? stem : null;
  if (people && people.length >= 3) terms.push({ text: article + people, kind: 'demonym' });
  return terms;
}

export const ar: LanguageRules = {
  code: 'ar',
  inflect,
  affixedWord: 'first',
  derive: { from: 'ar', terms: deriveNisbas },
  names: {
    US: ['أمريكا', 'أميركا', 'الولايات المتحدة الأمريكية'],
    GB: ['بريطانيا'],
    KG: ['قرغيزستان'],
    AZ: ['أذربيجان'],
    PS: ['فلسطين', 'غزة', 'قطاع غزة', 'الضفة الغربية'],
    RU: ['روسيا الاتحادية'],
    KR: ['كوريا الجنوبية'],
    KP: ['كوريا الشمالية'],
  },
  capitals: {
    RU: ['موسكو'],
    US: ['واشنطن'],
    CN: ['بكين'],
    IR: ['طهران'],
    TR: ['أنقرة'],
    AZ: ['باكو'],
    UA: ['كييف', 'كيف'],
    EG: ['القاهرة'],
    SY: ['دمشق'],
    AM: ['يريفان'],
    KZ: ['أستانا'],
    UZ: ['طشقند'],
    AF: ['كابل'],
    KG: ['بيشكيك'],
    TJ: ['دوشانبي', 'دوشنبه'],
    TM: ['عشق آباد'],
    GE: ['تبليسي'],
    BY: ['مينسك'],
    GB: ['لندن'],
    FR: ['باريس'],
    DE: ['برلين'],
    IQ: ['بغداد'],
    LB: ['بيروت'],
    SA: ['الرياض'],
    QA: ['الدوحة'],
    AE: ['أبوظبي', 'أبو ظبي'],
    PK: ['إسلام آباد'],
    IN: ['نيودلهي'],
    JP: ['طوكيو'],
    KR: ['سيول'],
    IL: ['القدس'],
    PS: ['رام الله'],
    SD: ['الخرطوم'],
    YE: ['صنعاء'],
    OM: ['مسقط'],
    BH: ['المنامة'],
    MA: ['الرباط'],
  },
  institutions: {
    RU: ['الكرملين', 'مجلس الدوما', 'الدوما'],
    US: ['البيت الأبيض', 'البنتاغون', 'البنتاجون'],
  },
  languageContext: {
    after: [],
    // «باللغة الروسية»: the adjective follows the word for language.
    before: ['اللغة', 'باللغة', 'لغة', 'بلغة', 'واللغة', 'للغة', 'اللغتين', 'باللغتين', 'اللغات'],
    beforeAtEnd: [],
  },
  currencyWords: ['روبل', 'دولار', 'يوان', 'تينغي', 'ريال', 'دينار', 'ليرة', 'جنيه', 'درهم'],
  qualifiersBefore: [
    'الروبل', 'روبل', 'الدولار', 'دولار', 'اليوان', 'التينغي', 'تينغي', 'التنغي', 'الريال', 'الدينار', 'الليرة', 'الجنيه', 'الدرهم',
    'المانات', 'السوم', 'الين', 'الروبية', 'الهريفنيا', 'بالروبل', 'بالدولار',
  ],
  conjunctions: ['و', 'أو'],
  blockedPhrases: [
    'ولاية جورجيا', 'بولاية جورجيا', 'لولاية جورجيا', 'نهر الأردن', 'بنهر الأردن', 'ونهر الأردن', 'بحر اليابان', 'ببحر اليابان',
    'الخطوط الجوية القطرية', 'الخطوط الجوية التركية', 'الخطوط الجوية الكويتية', 'الخليج العربي', 'الخليج الفارسي',
  ],
};
