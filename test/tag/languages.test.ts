import { beforeAll, describe, expect, it } from 'vitest';
import { loadCountryCatalogue, loadCountryTerms } from '../../src/tag/country-catalogue';
import { languages } from '../../src/tag/languages';
import { kazakhLatin } from '../../src/tag/languages/kk-Latn';
import { uzbekCyrillic } from '../../src/tag/languages/uz-Cyrl';
import { compileMatcher, type Matcher } from '../../src/tag/matcher';

type Case = [language: string, text: string, expected: string[]];

let matcher: Matcher;
beforeAll(() => {
  matcher = compileMatcher({ countries: loadCountryCatalogue(), rules: [] });
});

const tag = (text: string, language: string | null): string[] => matcher.tag({ title: text, summary: null, language });

describe('languages/: one file per language', () => {
  it('lists each language once, by a unique code', () => {
    const codes = languages.map((language) => language.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of ['kk', 'kk-Latn', 'ky', 'uz', 'uz-Cyrl', 'az', 'tk', 'tg', 'mn', 'ka', 'hy', 'ar', 'fa', 'ur']) expect(codes).toContain(code);
  });

  it('keys every term by an ISO 3166-1 code the catalogue knows', () => {
    const known = new Set(loadCountryCatalogue().map((country) => country.iso2));
    for (const language of languages) {
      for (const group of [language.names, language.adjectives, language.demonyms, language.capitals, language.institutions]) {
        for (const iso2 of Object.keys(group ?? {})) expect(known, `${language.code}: ${iso2}`).toContain(iso2);
      }
    }
  });

  it('derives terms by rule: Latin Kazakh, Cyrillic Uzbek, Arabic nisbas, Turkic civic adjectives', () => {
    const kz = loadCountryTerms().get('KZ') ?? [];
    const texts = (lang: string): string[] => kz.filter((term) => term.lang === lang).map((term) => term.text);
    expect(texts('kk-Latn')).toEqual(expect.arrayContaining(['Qazaqstan', 'qazaqstandyq']));
    expect(texts('uz-Cyrl')).toContain('Қозоғистон');
    expect(texts('ar')).toEqual(expect.arrayContaining(['كازاخستاني', 'الكازاخ']));
    expect(texts('ky')).toContain('казакстандык');
  });
});

describe('transliteration', () => {
  it.each([
    ['Қазақстанға', ['Qazaqstanǵa', 'Qazaqstanğa']],
    ['Ресейдің', ['Reseıdiń', 'Reseidıñ']],
    ['Мәскеу', ['Máskeý', 'Mäskeu']],
    ['Германия', ['Germanııa', 'Germania']],
  ])('Kazakh %s is %j in the 2018 and 2021 alphabets', (cyrillic, latin) => {
    expect(kazakhLatin(cyrillic)).toEqual(latin);
  });

  it.each([
    ['Oʻzbekiston', 'Ўзбекистон'],
    ["Qozog'iston", 'Қозоғистон'],
    ['Eron', 'Эрон'],
    ['Toshkent', 'Тошкент'],
    ['AQSh', 'АҚШ'],
  ])('Uzbek %s is %s in Cyrillic', (latin, cyrillic) => {
    expect(uzbekCyrillic(latin)).toBe(cyrillic);
  });
});

describe('compileMatcher: languages of Central Asia and its neighbours', () => {
  it.each<Case>([
    // Kazakh, Cyrillic and both Latin alphabets
    ['kk', 'Ресейдің Қазақстандағы елшісі шақырылды', ['kazakhstan', 'russia']],
    ['kk', 'Қазақ және орыс тілдерінде жаңа оқулықтар шықты', []],
    ['kk', 'Ресей рублі әлсіреді', []],
    ['kk', 'Reseıdiń elshisi Qazaqstanǵa keldi', ['kazakhstan', 'russia']],
    ['kk', 'Qazaqstanğa reseilık turister keldi', ['kazakhstan', 'russia']],
    ['kk', 'Qazaq tilinde jańa saıt ashyldy', []],
    ['kk', 'Air Astana Ankaraǵa reıs ashady', ['turkiye']],
    // Kyrgyz
    ['ky', 'Кыргызстандагы орусиялык инвесторлор', ['kyrgyzstan', 'russia']],
    ['ky', 'Делегация Душанбеде сүйлөштү', ['tajikistan']],
    ['ky', 'Китептер орус тилдериндеги басылмалар', []],
    // Uzbek, Latin (every apostrophe) and Cyrillic
    ['uz', 'O‘zbekiston va Qozogʻiston kelishdi', ['kazakhstan', 'uzbekistan']],
    ['uz', "O'zbekistonlik talabalar Rossiyaga ketdi", ['russia', 'uzbekistan']],
    ['uz', 'O`zbekiston Eronni yutdi', ['iran', 'uzbekistan']],
    ['uz', 'Rus tilida darslar qisqardi', []],
    ['uz', 'Ўзбекистон Россиядан газ олади', ['russia', 'uzbekistan']],
    // Azerbaijani, Turkmen, Tajik, Turkish
    ['az', 'Rusiyanın səfiri Azərbaycana gəldi', ['azerbaijan', 'russia']],
    ['az', 'Məktəblərdə Azərbaycan dilində tədris artır', []],
    ['tk', 'Türkmenistan Russiýa bilen gaz ylalaşygyna gol çekdi', ['russia', 'turkmenistan']],
    ['tk', 'Türkmen dilinde kitaplar çykdy', []],
    ['tg', 'Тоҷикистону Русия созишнома бастанд', ['russia', 'tajikistan']],
    ['tg', 'Рубли Русия арзон шуд', []],
    ['tg', 'Китобҳо ба забони русӣ нашр шуданд', []],
    ['tr', "Türk Devletleri Teşkilatı zirvesi Bişkek'te", ['kyrgyzstan']],
    ['tr', "Ürdün Nehri'nde su seviyesi düştü", []],
    // Mongolian, Georgian, Armenian
    ['mn', 'Оросын цэргүүд Монголд ирэв', ['mongolia', 'russia']],
    ['mn', 'Өвөр Монголд ган болов', []],
    ['mn', 'Орос хэлээр хичээл заана', []],
    ['ka', 'რუსეთმა საქართველოს მიმართ განცხადება გააკეთა', ['georgia', 'russia']],
    ['ka', 'რუსულ ენაზე სწავლება შემცირდა', []],
    ['ka', '„ქართული ოცნება“ კანონს ამზადებს', []],
    ['hy', 'Հայաստանում Ռուսաստանից պատվիրակություն է ժամանել', ['armenia', 'russia']],
    ['hy', 'Հայերը Բաքվում բանակցել են', ['armenia', 'azerbaijan']],
    // Arabic, Persian, Urdu
    ['ar', 'كازاخستان وروسيا توقعان اتفاقية', ['kazakhstan', 'russia']],
    ['ar', 'للصين دور أكبر في المنطقة', ['china']],
    ['ar', 'الكرملين يرحب بالقرار الأمريكي', ['russia', 'united-states']],
    ['ar', 'الكازاخستانيون يصوتون في استفتاء', ['kazakhstan']],
    ['ar', 'بث برامج باللغة الروسية', []],
    ['ar', 'حاكم ولاية جورجيا يعلن الطوارئ', []],
    ['ar', 'مياه نهر الأردن تتراجع', []],
    ['ar', 'ارتفاع التينغي الكازاخي أمام الدولار', []],
    ['fa', 'روس‌ها در صف ویزای ترکمنستان', ['russia', 'turkmenistan']],
    ['fa', 'برنامه‌ها به زبان روسی پخش می‌شود', []],
    ['fa', 'دلار آمریکا گران شد', []],
    ['fa', 'ایالت جورجیا آرا را شمرد', []],
    ['ur', 'روسی زبان میں نشریات', []],
  ])('%s: %s → %j', (language, text, expected) => {
    expect(tag(text, language)).toEqual(expected);
  });
});

describe('compileMatcher: abbreviations, compounds and the big European languages', () => {
  it.each<Case>([
    ['zh', '中哈两国元首举行会谈', ['china', 'kazakhstan']],
    ['zh', '俄乌冲突持续', ['russia', 'ukraine']],
    ['zh', '中吉乌铁路项目开工', ['china', 'kyrgyzstan', 'uzbekistan']],
    ['zh', '俄军发动新攻势', ['russia']],
    ['zh', '土库曼斯坦天然气对华出口增长', ['china', 'turkmenistan']],
    ['zh', '俄罗斯卢布兑美元汇率下跌', []],
    ['zh', '美国佐治亚州州长签署法律', ['united-states']],
    ['zh', '集中力量办大事', []],
    ['zh-Hant', '俄羅斯在烏克蘭發動攻勢', ['russia', 'ukraine']],
    ['ja', '中露首脳が会談した', ['china', 'russia']],
    ['ja', '米軍が撤退', ['united-states']],
    ['fr', 'Sommet franco-kazakh à Astana', ['france', 'kazakhstan']],
    ['fr', 'La guerre russo-ukrainienne continue', ['russia', 'ukraine']],
    ['fr', 'Une émission en russe relance le débat', []],
    ['fr', 'Le tenge kazakh au plus bas', []],
    ['fr', "Tempête en Géorgie : l'État américain déclare l'urgence", ['united-states']],
    ['fr', 'Géorgie : manifestation devant le Parlement', ['georgia']],
    ['de', 'Die Russlandpolitik der Regierung steht in der Kritik', ['russia']],
    ['de', 'Nigeriareise des Kanzlers', ['nigeria']],
    ['de', 'Die Kinder in den Berliner Schulen lernen nun auch Kasachisch', ['germany']],
    ['ko', '한러 관계 경색…러 외무부, 한국 대사 초치', ['russia', 'south-korea']],
    ['ko', '러우 전쟁 3년', ['russia', 'ukraine']],
    ['ko', '한 관계자는 회의 중 이같이 말했다', []],
    ['hi', 'कजाकिस्तान और रूस के बीच समझौता', ['kazakhstan', 'russia']],
    ['hi', 'कज़ाख़स्तान में जनमत संग्रह', ['kazakhstan']],
    ['hi', 'रूसी भाषा में इंटरव्यू', []],
    ['hi', 'चीनी के दाम बढ़े', []],
    ['es', 'La montaña rusa del precio del cobre', []],
    ['es', 'El rublo ruso cae', []],
    ['es', 'La guerra ruso-ucraniana', ['russia', 'ukraine']],
    ['pt', 'Entrevista em russo gera polémica', []],
    ['pt', 'O Kremlin criticou as sanções aprovadas por Bruxelas', ['russia']],
    ['pl', 'Polscy inżynierowie zbudują farmę w Kazachstanie', ['kazakhstan', 'poland']],
    ['pl', 'Rosyjsko-kazachska granica pod lupą', ['kazakhstan', 'russia']],
    ['pl', 'Rosyjska ruletka na drogach', []],
    ['cs', 'Čeští inženýři postaví park', ['czechia']],
    ['cs', 'Čínsko-ruský summit v Pekingu', ['china', 'russia']],
  ])('%s: %s → %j', (language, text, expected) => {
    expect(tag(text, language)).toEqual(expected);
  });

  it('keeps the English Georgia rule: the Spanish or Portuguese spelling folds to it and shares it', () => {
    expect(tag('The Georgia vote was recounted', 'en')).toEqual([]);
    expect(tag('Georgia: miles de manifestantes en Tiflis', 'es')).toEqual(['georgia']);
  });

  it('reads German compounds only in a text declared German', () => {
    expect(tag('Russlandpolitik', null)).toEqual([]);
  });
});
