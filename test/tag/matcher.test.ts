import { beforeAll, describe, expect, it } from 'vitest';
import { loadCountryCatalogue } from '../../src/tag/country-catalogue';
import { compileMatcher, type Matcher, type TopicRules } from '../../src/tag/matcher';

type Case = [text: string, expected: string[]];

let countries: Matcher;
beforeAll(() => {
  countries = compileMatcher({ countries: loadCountryCatalogue(), rules: [] });
});

const tagTitle = (text: string, language?: string): string[] => countries.tag({ title: text, summary: null, language: language ?? null });

describe('compileMatcher: names, capitals and institutions', () => {
  it.each<Case>([
    ['Kazakhstan and Russia sign a gas deal', ['kazakhstan', 'russia']],
    ['Moscow said on Friday it would respond', ['russia']],
    ['Talks in Astana end without agreement', ['kazakhstan']],
    ['The Kremlin denied the report', ['russia']],
    ['White House responds to the ruling', ['united-states']],
    ['Downing Street says no decision yet', ['united-kingdom']],
    ['Москва заявила о контрмерах', ['russia']],
    ['Кремль опроверг сообщения', ['russia']],
    ['Kazakh authorities detain an activist', ['kazakhstan']],
    ['Kazakhstani exports rise', ['kazakhstan']],
    ['Putin met Tokayev on Monday', []],
    ['Protests in Almaty turn violent', []],
    ['Repairs on the Crimea bridge', []],
    ['Talks in Washington on the war in Ukraine', ['ukraine', 'united-states']],
    ['U.S. and UK impose sanctions', ['united-kingdom', 'united-states']],
    ['US President visits troops', ['united-states']],
    ['Let us talk about it', []],
    ['Gaza ceasefire talks resume', ['palestine']],
  ])('%j → %j', (text, expected) => {
    expect(tagTitle(text)).toEqual(expected);
  });
});

describe('compileMatcher: homonyms need context', () => {
  it.each<Case>([
    // Georgia: the country with Caucasus cues, not the US state
    ["Protests in Tbilisi as Georgia's parliament passes the law", ['georgia']],
    ['Russia and Georgia trade accusations over Abkhazia', ['georgia', 'russia']],
    ['The country of Georgia hosts talks', ['georgia']],
    ["Georgia's governor Brian Kemp signs the bill in Atlanta", []],
    ['Georgia Republicans certify the results', []],
    ['Georgia votes today', []],
    // Jordan the person
    ['Michael Jordan returns to Chicago', []],
    ['Jordan Peterson speaks at a rally', []],
    ['King Abdullah of Jordan meets the envoy', ['jordan']],
    ['Syria, Jordan and Lebanon brace for refugees', ['jordan', 'lebanon', 'syria']],
    ['Jordan closes its border', ['jordan']],
    // Chad the name
    ['Chad Daybell is sentenced', []],
    ["Chad's junta leader wins the vote", ['chad']],
    ['Refugees flee Sudan into Chad', ['chad', 'sudan']],
    ['Lake Chad is shrinking', []],
    // Turkey the bird
    ['How to roast a turkey for Thanksgiving', []],
    ['Turkey prices rise ahead of Thanksgiving dinner', []],
    ['Turkey and Syria sign a border deal', ['syria', 'turkiye']],
    ['Erdogan says Türkiye will not back down', ['turkiye']],
    ['Turkish drones were spotted', ['turkiye']],
    // Guinea and its longer relatives
    ['Guinea pigs make good pets', []],
    ['The junta in Guinea delays the vote', ['guinea']],
    ['Equatorial Guinea and Guinea-Bissau sign a pact', ['equatorial-guinea', 'guinea-bissau']],
    ['Papua New Guinea earthquake kills dozens', ['papua-new-guinea']],
    ['A rare bird found on the island of New Guinea', []],
    // Niger and Nigeria
    ['Niger junta expels French troops', ['france', 'niger']],
    ['Nigerian and Nigerien officials meet', ['niger', 'nigeria']],
    ['An oil spill in the Niger Delta', []],
    ['Niger State governor visits Abuja', ['nigeria']],
    // Dominica and the Dominican Republic
    ['Hurricane hits Dominica', ['dominica']],
    ['Dominican Republic deports Haitians', ['dominican-republic', 'haiti']],
    ['Dominican baseball players arrive', ['dominican-republic']],
    // Congo: two countries, neither without a cue
    ['Fighting flares in Congo', []],
    ['M23 rebels advance on Goma in eastern Congo', ['dr-congo']],
    ['DRC and Rwanda sign a peace deal', ['dr-congo', 'rwanda']],
    ['Congo-Brazzaville holds elections', ['republic-of-the-congo']],
    ['Congo votes, Brazzaville says', ['republic-of-the-congo']],
    // Korea: two countries
    ['North Korea fires a missile', ['north-korea']],
    ["South Korea's president addresses parliament", ['south-korea']],
    ['Korea tensions rise', []],
    ['Seoul says Korea will respond', ['south-korea']],
    ['The two Koreas hold rare talks', ['north-korea', 'south-korea']],
    ['Pyongyang test-fires a missile', ['north-korea']],
    // Sudan and South Sudan
    ['South Sudan signs a deal', ['south-sudan']],
    ['Sudan and South Sudan reopen the border', ['south-sudan', 'sudan']],
  ])('%j → %j', (text, expected) => {
    expect(tagTitle(text)).toEqual(expected);
  });
});

describe('compileMatcher: longer names win, places named after countries do not count', () => {
  it.each<Case>([
    ['New Mexico wildfire spreads', []],
    ['New Jersey governor signs the budget', []],
    ['Jersey City mayor resigns', []],
    ['Jersey votes on assisted dying', ['jersey']],
    ['Indiana Jones returns to cinemas', []],
    ['India and Pakistan exchange fire', ['india', 'pakistan']],
    ['A storm over the Indian Ocean', []],
    ['Indian troops at the border', ['india']],
    ['A Washington Post reporter was detained', []],
    ["George Washington's home is restored", []],
    ['Moscow, Idaho, murder trial opens', []],
    ['China and the Philippines clash in the South China Sea', ['china', 'philippines']],
    ['Tension in the South China Sea', []],
    ['Brussels sprouts are in season', []],
  ])('%j → %j', (text, expected) => {
    expect(tagTitle(text)).toEqual(expected);
  });
});

describe('compileMatcher: languages, currencies and foods are not the country', () => {
  it.each<Case>([
    ['She speaks Russian fluently', []],
    ['The book was translated from Russian', []],
    ['A Russian-language newspaper closes', []],
    ['An interview in Kazakh and Russian.', []],
    ['Russian troops advance', ['russia']],
    ['Held in Russian custody', ['russia']],
    ['The Pakistani rupee falls', []],
    ['Italian meatballs, a recipe', []],
    ['Учебник на русском языке', []],
    ['Русские войска отступили', ['russia']],
  ])('%j → %j', (text, expected) => {
    expect(tagTitle(text)).toEqual(expected);
  });
});

describe('compileMatcher: case and diacritics', () => {
  it.each<Case>([
    ['Fine china plates and porcelain', []],
    ['China warns Taiwan', ['china', 'taiwan']],
    ['Turkiye hosts the summit', ['turkiye']],
    ["Cocoa prices in Cote d'Ivoire", ['ivory-coast']],
    ['Cocoa prices in Côte d’Ivoire', ['ivory-coast']],
    ['Curacao and Curaçao', ['curacao']],
    ['Cyclone hits Réunion', ['reunion']],
    ['A family reunion', []],
    ['ＲＵＳＳＩＡ ＳＡＹＳ', ['russia']],
  ])('%j → %j', (text, expected) => {
    expect(tagTitle(text)).toEqual(expected);
  });
});

describe('compileMatcher: inflected languages', () => {
  it.each<Case>([
    // Russian
    ['Переговоры в Казахстане завершились', ['kazakhstan']],
    ['Санкции против России продлены', ['russia']],
    ['Соглашение между Россией и Казахстаном', ['kazakhstan', 'russia']],
    ['Гибель российских военных', ['russia']],
    ['Казахстанский нефтяной экспорт вырос', ['kazakhstan']],
    ['Россияне и казахстанцы за границей', ['kazakhstan', 'russia']],
    ['Делегация Соединённых Штатов Америки', ['united-states']],
    ['Урожай в Россошанском районе', []],
    // Compound adjectives name both countries, the first by its linking form.
    ['Российско-казахстанские переговоры', ['kazakhstan', 'russia']],
    ['Развитие казахстанско-российских отношений', ['kazakhstan', 'russia']],
    ['Американо-китайские торговые споры', ['china', 'united-states']],
    ['Українсько-польський кордон закрито', ['poland', 'ukraine']],
    ['Чадо выросло', []],
    ['Хребет Ирандык на Урале', []],
    // Ukrainian
    ['Удари по Україні тривають', ['ukraine']],
    ['Посол Росії викликаний', ['russia']],
    ['Делегація прибула до Казахстану', ['kazakhstan']],
    ['Втрати російських військ', ['russia']],
    // Kazakh
    ['Қазақстанның сыртқы саясаты', ['kazakhstan']],
    ['Ресейге сапар', ['russia']],
    ['Қазақстандағы сайлау', ['kazakhstan']],
    ['Ресейдің ұстанымы', ['russia']],
    // Polish
    ['Sankcje wobec Rosji', ['russia']],
    ['Wybory w Polsce', ['poland']],
    ['Ambasador Kazachstanu', ['kazakhstan']],
    ['Ruchy wojsk rosyjskich', ['russia']],
    ['Prezydent Stanów Zjednoczonych', ['united-states']],
    ['Wybory w Niemczech', ['germany']],
    // German
    ['Kasachstans Präsident reist nach Berlin', ['germany', 'kazakhstan']],
    ['Russlands Wirtschaft schrumpft', ['russia']],
    ['Russische Truppen ziehen ab', ['russia']],
    ['Indiens Regierung reagiert', ['india']],
    ['Indianer in Nordamerika', []],
    // Turkish
    ["Türkiye'nin dış politikası", ['turkiye']],
    ["Rusya'dan açıklama", ['russia']],
    ['Kazakistanlı öğrenciler', ['kazakhstan']],
    // Czech, Finnish, Hungarian, Greek
    ['Volby v Rusku', ['russia']],
    ['Vývoz z Kazachstánu', ['kazakhstan']],
    ['Vaalit Venäjällä', ['russia']],
    ['Kazakstanissa sataa', ['kazakhstan']],
    ['Választások Oroszországban', ['russia']],
    ['Kazahsztánban esik', ['kazakhstan']],
    ['Οι κυρώσεις της Ρωσίας', ['russia']],
  ])('%j → %j', (text, expected) => {
    expect(tagTitle(text)).toEqual(expected);
  });

  it('does not read a word of another language as a country in an English text', () => {
    expect(tagTitle('The Staten Island ferry is late', 'en')).toEqual([]);
    expect(tagTitle('Reise nach Island', 'de')).toEqual(['iceland']);
  });
});

describe('compileMatcher: scripts without spaces', () => {
  it.each<Case>([
    ['俄罗斯总统访问哈萨克斯坦', ['kazakhstan', 'russia']],
    ['ロシア軍がウクライナを攻撃した', ['russia', 'ukraine']],
    ['러시아가 카자흐스탄과 협정을 체결했다', ['kazakhstan', 'russia']],
  ])('%j → %j', (text, expected) => {
    expect(tagTitle(text)).toEqual(expected);
  });
});

describe('compileMatcher: title and summary', () => {
  it('matches the summary as well as the title, each story once', () => {
    expect(countries.tag({ title: 'Gas deal signed', summary: 'Kazakhstan and Russia agreed on prices. Moscow welcomed it.' })).toEqual([
      'kazakhstan',
      'russia',
    ]);
  });
});

describe('compileMatcher: operator rules', () => {
  const catalogue = loadCountryCatalogue();
  const compile = (rules: TopicRules[]): Matcher => compileMatcher({ countries: catalogue, rules });

  it('extends a country: an extra term widens it, an exclude term vetoes it', () => {
    expect(countries.tag({ title: 'Protests in Almaty', summary: null })).toEqual([]);
    const extended = compile([
      { slug: 'kazakhstan', include: ['Almaty'], exclude: [] },
      { slug: 'russia', include: [], exclude: ['Dynamo Moscow'] },
    ]);
    expect(extended.tag({ title: 'Protests in Almaty', summary: null })).toEqual(['kazakhstan']);
    expect(extended.tag({ title: 'Protesters in Алматы', summary: null })).toEqual([]);
    expect(extended.tag({ title: 'Dynamo Moscow wins the cup', summary: null })).toEqual([]);
    expect(extended.tag({ title: 'Moscow says no', summary: null })).toEqual(['russia']);
  });

  it('resolves an alias slug to the country it names', () => {
    const extended = compile([{ slug: 'turkey', include: ['Erdogan'], exclude: [] }]);
    expect(extended.tag({ title: 'Erdogan speaks', summary: null })).toEqual(['turkiye']);
  });

  it('defines custom topics from words, phrases and prefixes', () => {
    const matcher = compile([
      { slug: 'climate', include: ['climat*', 'global warming'], exclude: [] },
      { slug: 'oil', include: ['oil price'], exclude: ['olive'] },
    ]);
    expect(matcher.tag({ title: 'Climatic shifts in the Arctic', summary: null })).toEqual(['climate']);
    expect(matcher.tag({ title: 'Global  warming, again', summary: null })).toEqual(['climate']);
    expect(matcher.tag({ title: 'Acclimatise slowly', summary: null })).toEqual([]);
    expect(matcher.tag({ title: 'The oil price rises in Kazakhstan', summary: null })).toEqual(['kazakhstan', 'oil']);
    expect(matcher.tag({ title: 'The olive oil price rises', summary: null })).toEqual([]);
    expect(matcher.tag({ title: 'Warming up', summary: null })).toEqual([]);
  });

  it('matches custom terms with the same normalisation and inflection rules', () => {
    const matcher = compile([{ slug: 'tokayev', include: ['Токаев', "Côte d'Ivoire cocoa"], exclude: [] }]);
    expect(matcher.tag({ title: 'Встреча с Токаевым и Токаева', summary: null })).toContain('tokayev');
    expect(matcher.tag({ title: 'COTE D’IVOIRE COCOA harvest', summary: null })).toEqual(['ivory-coast', 'tokayev']);
  });

  it('restricts a custom topic to the fields it names', () => {
    const matcher = compile([{ slug: 'drones', include: ['drone*'], exclude: [], fields: ['title'] }]);
    expect(matcher.tag({ title: 'Drones over the border', summary: null })).toEqual(['drones']);
    expect(matcher.tag({ title: 'Border news', summary: 'Drones were seen.' })).toEqual([]);
  });

  it('treats terms as text, never as regular expressions', () => {
    const matcher = compile([{ slug: 'odd', include: ['a.b', '(x+)+$', '[ru]'], exclude: [] }]);
    expect(matcher.tag({ title: 'a.b appears', summary: null })).toEqual(['odd']);
    expect(matcher.tag({ title: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx!', summary: null })).toEqual([]);
  });

  it('still tags correctly with every country and 100 custom topics', () => {
    const words = ['climate', 'election', 'inflation', 'oil', 'gas', 'sanctions', 'refugees', 'drought', 'vaccine', 'tariff'];
    const rules: TopicRules[] = Array.from({ length: 100 }, (_, i) => ({
      slug: `topic-${i}`,
      include: [`${words[i % words.length]}`, `${words[(i * 3 + 1) % words.length]?.slice(0, 4)}*`, `${words[(i * 7) % words.length]} crisis`],
      exclude: i % 10 === 9 ? ['football'] : [],
    }));
    const matcher = compile(rules);
    const tags = matcher.tag({ title: 'Kazakhstan and Russia discuss oil sanctions', summary: 'Talks in Astana; the Kremlin is silent.' });
    expect(tags).toContain('kazakhstan');
    expect(tags).toContain('russia');
    expect(tags).toContain('topic-3'); // oil
    expect(tags).not.toContain('georgia');
    expect(tags.filter((slug) => slug.startsWith('topic-')).length).toBeGreaterThan(5);
    expect([...tags].sort()).toEqual(tags);
    expect(matcher.tag({ title: 'Michael Jordan returns', summary: null })).toEqual([]);
  });
});
