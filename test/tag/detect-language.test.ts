import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { franc } from 'franc';
import { describe, expect, it } from 'vitest';
import { DETECTABLE_LANGUAGES, detectDocumentLanguages, detectIso6393, detectLanguage, dominantScript } from '../../src/tag/detect-language';

describe('detectLanguage', () => {
  // Sentences written for this test (not from the labelled sets), one per language the issue
  // names, including the pairs a detector confuses: kk/ky/ru, uz/tr/az, fa/ar/ur.
  it.each([
    ['kk', 'Қазақстан мен Ресей арасындағы сауда көлемі былтыр едәуір өсті, деп хабарлады министрлік.'],
    ['ky', 'Кыргызстандын өкмөтү Бишкекте жаңы мектептерди курууну пландап жатат деп билдирди.'],
    ['ru', 'Правительство России обсудило с представителями Казахстана поставки зерна и угля.'],
    ['uz', 'O‘zbekiston hukumati Toshkentda yangi maktablar qurish rejasini maʼqulladi.'],
    ['tr', 'Türkiye ile Kazakistan arasında yeni bir ticaret anlaşması imzalandı.'],
    ['az', 'Azərbaycan hökuməti Bakıda yeni məktəblərin tikintisi barədə qərar qəbul edib.'],
    ['fa', 'دولت ایران امروز درباره افزایش قیمت بنزین در سراسر کشور تصمیم گرفت.'],
    ['ar', 'أعلنت الحكومة العراقية اليوم عن خطة جديدة لبناء المدارس في جميع أنحاء البلاد.'],
    ['ur', 'پاکستان کی حکومت نے آج ملک بھر میں نئے اسکول بنانے کا اعلان کیا ہے۔'],
    ['uk', 'Уряд України ухвалив рішення про будівництво нових шкіл у кількох областях.'],
    ['be', 'Урад Беларусі абмеркаваў будаўніцтва новых школ у некалькіх абласцях краіны.'],
    ['tg', 'Ҳукумати Тоҷикистон дар бораи сохтмони мактабҳои нав дар Душанбе қарор қабул кард.'],
    ['mn', 'Монгол Улсын Засгийн газар Улаанбаатарт шинэ сургууль барих шийдвэр гаргалаа.'],
    ['ka', 'საქართველოს მთავრობამ თბილისში ახალი სკოლების მშენებლობა დაიწყო.'],
    ['hy', 'Հայաստանի կառավարությունը Երևանում նոր դպրոցներ կառուցելու որոշում է կայացրել։'],
    ['zh', '中国政府今天宣布将在全国范围内新建一批学校。'],
    ['ja', '政府は全国で新しい学校を建設する計画を発表しました。'],
    ['ko', '정부는 전국에 새로운 학교를 건설하는 계획을 발표했다.'],
    ['hi', 'भारत सरकार ने आज देश भर में नए स्कूल बनाने की योजना की घोषणा की।'],
    ['en', 'The government announced a plan to build new schools across the country.'],
    ['de', 'Die Regierung kündigte heute den Bau neuer Schulen im ganzen Land an.'],
    ['fr', 'Le gouvernement a annoncé aujourd’hui la construction de nouvelles écoles dans tout le pays.'],
    ['es', 'El Gobierno anunció hoy la construcción de nuevas escuelas en todo el país.'],
    ['pl', 'Rząd ogłosił dziś budowę nowych szkół w całym kraju.'],
    ['cs', 'Vláda dnes oznámila výstavbu nových škol po celé zemi.'],
  ])('tells %s', (language, text) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it.each([
    ['the 2018 alphabet', 'Qazaqstan men Reseı arasyndaǵy saýda kólemi ósti, dep habarlady mınıstrlik.'],
    ['the 2021 alphabet', 'Qazaqstan men Resei arasyndağy sauda kölemı östı, dep habarlady mınıstrlık. Ükımet jañа josparyn ūsyndy.'],
  ])('tells Kazakh written in Latin letters (%s), which franc has no model for', (_alphabet, text) => {
    expect(detectLanguage(text)).toBe('kk');
  });

  it('returns null when there is too little text to tell, or none in a known script', () => {
    expect(detectLanguage('')).toBeNull();
    expect(detectLanguage('2025 — 14:30')).toBeNull();
    expect(detectLanguage('OK')).toBeNull();
  });

  it('only returns codes it lists', () => {
    for (const text of ['Hello there, how are you today?', 'Ассалому алайкум, дўстлар!', 'שלום לכולם, מה שלומכם היום?']) {
      const code = detectLanguage(text);
      if (code !== null) expect(DETECTABLE_LANGUAGES).toContain(code);
    }
  });
});

describe('dominantScript', () => {
  it.each([
    ['Astana', 'latin'],
    ['Астана', 'cyrillic'],
    ['آستانه', 'arabic'],
    ['阿斯塔纳', 'other'],
    ['2025', 'other'],
  ])('%s is %s', (text, script) => {
    expect(dominantScript(text)).toBe(script);
  });
});

describe('detectDocumentLanguages', () => {
  const kazakh = [
    { title: 'Үкімет жаңа мектептер салуды жоспарлап отыр', summary: 'Министрлік биыл елу мектеп ашылатынын хабарлады.', language: null },
    { title: 'Астанада халықаралық форум өтті', summary: 'Форумға отыздан астам елдің өкілдері қатысты.', language: null },
    { title: 'Жаңа заң', summary: null, language: null },
  ];

  it('keeps a declared language and gives the undeclared entries the document\'s language', () => {
    expect(detectDocumentLanguages([...kazakh, { title: 'Погода в Алматы', summary: null, language: 'ru' }])).toEqual(['kk', 'kk', 'kk', 'ru']);
  });

  it('detects an entry in another script on its own', () => {
    const english = { title: 'Kazakhstan signs a new trade agreement with the European Union', summary: null, language: null };
    expect(detectDocumentLanguages([...kazakh, english])).toEqual(['kk', 'kk', 'kk', 'en']);
  });

  it('detects nothing when every entry declares its language, and leaves text it cannot read alone', () => {
    expect(detectDocumentLanguages([{ title: 'Новости', summary: null, language: 'ru' }])).toEqual(['ru']);
    expect(detectDocumentLanguages([{ title: '2025', summary: null, language: null }])).toEqual([null]);
    expect(detectDocumentLanguages([])).toEqual([]);
  });
});

// Accuracy on the hand-written sets of issue 12, one item at a time (the hardest case: in the
// pipeline a feed's undeclared items are detected together). The figures measured when this
// floor was set are in docs/language-detection.md.
describe('detectLanguage on the labelled sets', () => {
  const topics = fileURLToPath(new URL('../fixtures/topics/', import.meta.url));
  const items = ['languages', 'languages-heldout'].flatMap((folder) =>
    readdirSync(join(topics, folder))
      .filter((name) => name.endsWith('.jsonl'))
      .flatMap((name) => readFileSync(join(topics, folder, name), 'utf8').split('\n').filter((line) => line.trim() !== ''))
      .map((line) => JSON.parse(line) as { title: string; summary: string | null; textLang: string }),
  );
  const expected = (textLang: string) => textLang.split('-')[0];
  const accuracy = (subset: typeof items) =>
    subset.filter((item) => detectLanguage(`${item.title}\n${item.summary ?? ''}`) === expected(item.textLang)).length / subset.length;

  it('names the language of at least 95% of the items', () => {
    expect(items.length).toBeGreaterThan(1000);
    expect(accuracy(items)).toBeGreaterThanOrEqual(0.95);
  });

  it.each(['kk', 'ky', 'uz', 'uz-Cyrl', 'fa', 'ar', 'ur'])('tells %s from its neighbours in at least 90% of its items', (language) => {
    const subset = items.filter((item) => item.textLang === language);
    expect(accuracy(subset)).toBeGreaterThanOrEqual(0.9);
  });

  it('answers exactly what franc itself answers, limited to the same languages', () => {
    const only = ['kaz', 'kir', 'uzn', 'tgk', 'tuk', 'azj', 'khk', 'tur', 'rus', 'ukr', 'bel', 'kat', 'hye', 'arb', 'pes', 'urd',
      'cmn', 'hin', 'jpn', 'kor', 'eng', 'fra', 'deu', 'spa', 'ita', 'por', 'pol', 'ces', 'nld', 'ell', 'heb', 'tha'];
    const texts = [...items.map((item) => `${item.title}\n${item.summary ?? ''}`), '', '2025', 'ok', 'ქართული', '한국어 뉴스'];
    const differences = texts.filter((text) => detectIso6393(text) !== franc(text, { only, minLength: 1 }));
    expect(differences).toEqual([]);
  });

  it('never reads Kazakh or Kyrgyz Cyrillic as Russian', () => {
    const cyrillic = items.filter((item) => item.textLang === 'kk' || item.textLang === 'ky');
    expect(cyrillic.filter((item) => detectLanguage(`${item.title}\n${item.summary ?? ''}`) === 'ru')).toEqual([]);
  });
});
