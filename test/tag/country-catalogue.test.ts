import worldCountries from 'world-countries';
import { describe, expect, it } from 'vitest';
import { loadCountryCatalogue, loadCountryTerms, slugify } from '../../src/tag/country-catalogue';

describe('loadCountryCatalogue', () => {
  const catalogue = loadCountryCatalogue();

  it('has every ISO 3166-1 entry of world-countries, Kosovo included', () => {
    expect(catalogue).toHaveLength(worldCountries.length);
    expect(catalogue).toHaveLength(250);
    expect(catalogue.find((c) => c.slug === 'kosovo')).toMatchObject({ iso2: 'XK', name: 'Kosovo' });
  });

  it.each([
    ['KZ', 'kazakhstan', 'KAZ'],
    ['RU', 'russia', 'RUS'],
    ['US', 'united-states', 'USA'],
    ['KR', 'south-korea', 'KOR'],
    ['CI', 'ivory-coast', 'CIV'],
    ['CD', 'dr-congo', 'COD'],
    ['CG', 'republic-of-the-congo', 'COG'],
    ['TR', 'turkiye', 'TUR'],
    ['CZ', 'czechia', 'CZE'],
  ])('names %s %s with its ISO codes', (iso2, slug, iso3) => {
    expect(catalogue.find((c) => c.iso2 === iso2)).toMatchObject({ slug, iso3 });
  });

  it('gives unique slugs, and aliases that collide with no slug', () => {
    const slugs = new Set(catalogue.map((c) => c.slug));
    expect(slugs.size).toBe(catalogue.length);
    const aliases = catalogue.flatMap((c) => c.slugAliases);
    expect(new Set(aliases).size).toBe(aliases.length);
    for (const alias of aliases) expect(slugs.has(alias)).toBe(false);
    expect(catalogue.find((c) => c.slugAliases.includes('turkey'))?.slug).toBe('turkiye');
    expect(catalogue.find((c) => c.slugAliases.includes('burma'))?.slug).toBe('myanmar');
  });

  it('carries display names in many languages, Russian, Ukrainian and Kazakh among them', () => {
    const kazakhstan = catalogue.find((c) => c.iso2 === 'KZ');
    expect(kazakhstan?.names.ru).toContain('Казахстан');
    expect(kazakhstan?.names.uk).toContain('Казахстан');
    expect(kazakhstan?.names.kk).toContain('Қазақстан');
    expect(kazakhstan?.names.de).toContain('Kasachstan');
    expect(Object.keys(kazakhstan?.names ?? {}).length).toBeGreaterThan(20);
  });

  it('is memoised', () => {
    expect(loadCountryCatalogue()).toBe(catalogue);
  });
});

describe('loadCountryTerms', () => {
  const terms = loadCountryTerms();

  it('adds what the packages lack from the supplement: adjectives, capitals, institutions', () => {
    const russia = terms.get('RU') ?? [];
    expect(russia).toContainEqual(expect.objectContaining({ text: 'российский', lang: 'ru', kind: 'adjective' }));
    expect(russia).toContainEqual(expect.objectContaining({ text: 'Москва', lang: 'ru', kind: 'capital' }));
    expect(russia).toContainEqual(expect.objectContaining({ text: 'Kremlin', kind: 'institution' }));
    const kazakhstan = terms.get('KZ') ?? [];
    expect(kazakhstan).toContainEqual(expect.objectContaining({ text: 'Kazakh', lang: 'en' }));
    expect(kazakhstan).toContainEqual(expect.objectContaining({ text: 'Astana', kind: 'capital' }));
  });

  it('leaves out two-letter codes and capitals that are common words', () => {
    const all = [...terms.values()].flat();
    expect(all.some((t) => t.text === 'IN' || t.text === 'IT' || t.text === 'AM')).toBe(false);
    expect(all.some((t) => t.text === 'The Valley' || t.text === 'Plymouth')).toBe(false);
  });
});

describe('slugify', () => {
  it.each([
    ['Türkiye', 'turkiye'],
    ['DR Congo', 'dr-congo'],
    ['São Tomé and Príncipe', 'sao-tome-and-principe'],
    ['Åland Islands', 'aland-islands'],
  ])('turns %j into %j', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });
});
