import { describe, expect, it } from 'vitest';
import { inflectPhrase, inflectWord, type WordKind } from '../../src/tag/inflect';

describe('inflectWord', () => {
  it.each<[string, string, WordKind, string[]]>([
    // Russian: -ия, -а, consonant and -й nouns; adjectives; demonyms in -янин and -ец
    ['россия', 'ru', 'name', ['россии', 'россию', 'россией']],
    ['казахстан', 'ru', 'name', ['казахстана', 'казахстану', 'казахстаном', 'казахстане']],
    ['москва', 'ru', 'name', ['москвы', 'москве', 'москву', 'москвой']],
    ['китай', 'ru', 'name', ['китая', 'китаю', 'китаем', 'китае']],
    ['кремль', 'ru', 'name', ['кремля', 'кремлю', 'кремлем', 'кремле']],
    ['российский', 'ru', 'adjective', ['российская', 'российского', 'российских', 'российскими', 'российскую']],
    ['россиянин', 'ru', 'demonym', ['россияне', 'россиян', 'россиянам', 'россиянка']],
    ['казахстанец', 'ru', 'demonym', ['казахстанцы', 'казахстанцев', 'казахстанца']],
    // Ukrainian
    ['росія', 'uk', 'name', ['росії', 'росію', 'росією']],
    ['україна', 'uk', 'name', ['україни', 'україні', 'україну', 'україною']],
    ['казахстан', 'uk', 'name', ['казахстану', 'казахстаном', 'казахстані']],
    ['америка', 'uk', 'name', ['америці']],
    ['російський', 'uk', 'adjective', ['російська', 'російського', 'російських']],
    // Kazakh: case endings by vowel harmony, -дағы, -лық
    ['қазақстан', 'kk', 'name', ['қазақстанның', 'қазақстанға', 'қазақстанда', 'қазақстаннан', 'қазақстандағы', 'қазақстандық']],
    ['ресей', 'kk', 'name', ['ресейдің', 'ресейге', 'ресейде', 'ресейден', 'ресеймен', 'ресейлік']],
    // Polish, with locative softening and plural names
    ['rosja', 'pl', 'name', ['rosji', 'rosję', 'rosją']],
    ['polska', 'pl', 'name', ['polski', 'polsce', 'polskę']],
    ['kazachstan', 'pl', 'name', ['kazachstanu', 'kazachstanem', 'kazachstanie']],
    ['chiny', 'pl', 'name', ['chin', 'chinach']],
    ['rosyjski', 'pl', 'adjective', ['rosyjskiego', 'rosyjskich', 'rosyjską']],
    // Czech
    ['rusko', 'cs', 'name', ['ruska', 'rusku', 'ruskem']],
    ['ukrajina', 'cs', 'name', ['ukrajiny', 'ukrajině', 'ukrajinou']],
    // German genitive and adjective endings, demonyms
    ['kasachstan', 'de', 'name', ['kasachstans']],
    ['russisch', 'de', 'adjective', ['russische', 'russischen', 'russischer']],
    ['russe', 'de', 'demonym', ['russen', 'russin']],
    // Turkish derivations written without an apostrophe
    ['rusya', 'tr', 'name', ['rusyalı', 'rusyalılar']],
    ['kazakistan', 'tr', 'name', ['kazakistanlı']],
    // Finnish: harmony, linking -i-, consonant gradation
    ['venäjä', 'fi', 'name', ['venäjän', 'venäjällä', 'venäjälle', 'venäjään']],
    ['kazakstan', 'fi', 'name', ['kazakstanin', 'kazakstanissa']],
    ['turkki', 'fi', 'name', ['turkin', 'turkissa']],
    // Hungarian: harmony, lengthening, -val/-vel assimilation
    ['oroszország', 'hu', 'name', ['oroszországban', 'oroszországgal', 'oroszországi']],
    ['kína', 'hu', 'name', ['kínában', 'kínával']],
    // Greek
    ['ρωσία', 'el', 'name', ['ρωσίας']],
    ['λίβανος', 'el', 'name', ['λίβανου', 'λίβανο']],
    // Korean particles, Urdu -ی adjectives, English plurals
    ['러시아', 'ko', 'name', ['러시아가', '러시아의', '러시아와']],
    ['امریکہ', 'ur', 'adjective', ['امریکی']],
    ['russian', 'en', 'demonym', ['russians']],
  ])('declines %s (%s %s)', (word, lang, kind, expected) => {
    const forms = inflectWord(word, lang, kind);
    expect(forms).toContain(word);
    for (const form of expected) expect(forms).toContain(form);
  });

  it.each<[string, string, string]>([
    ['росс', 'ru', 'россошанский'],
    ['иран', 'ru', 'ирандык'],
    ['indien', 'de', 'indianer'],
    ['mali', 'pl', 'mal'],
    ['niger', 'de', 'nigeria'],
    ['oman', 'en', 'omaha'],
  ])('never yields an unrelated word: %s (%s) does not give %s', (word, lang, other) => {
    expect(inflectWord(word, lang, 'name')).not.toContain(other);
  });

  it('leaves words of languages without rules as they are', () => {
    expect(inflectWord('россия', 'xx', 'name')).toEqual(['россия']);
    expect(inflectWord('kazakhstan', 'en', 'name')).toEqual(['kazakhstan']);
  });
});

describe('inflectPhrase', () => {
  it('makes an adjective agree with its noun and keeps genitive complements (Russian)', () => {
    const forms = inflectPhrase(['соединённые', 'штаты', 'америки'], 'ru', 'name').map((words) => words.join(' '));
    expect(forms).toContain('соединённых штатов америки');
    expect(forms).toContain('соединёнными штатами америки');
    expect(forms.every((form) => form.endsWith('америки'))).toBe(true);
  });

  it('declines both heads joined by a conjunction', () => {
    const forms = inflectPhrase(['босния', 'и', 'герцеговина'], 'ru', 'name').map((words) => words.join(' '));
    expect(forms).toContain('боснии и герцеговине');
  });

  it('declines Polish adjectives on either side of the noun', () => {
    const forms = inflectPhrase(['stany', 'zjednoczone'], 'pl', 'name').map((words) => words.join(' '));
    expect(forms).toContain('stanów zjednoczonych');
    expect(forms).toContain('stanach zjednoczonych');
  });

  it('declines only the last word of an agglutinative name', () => {
    const forms = inflectPhrase(['қазақстан', 'республикасы'], 'kk', 'name').map((words) => words.join(' '));
    expect(forms).toContain('қазақстан республикасының');
    expect(forms.every((form) => form.startsWith('қазақстан '))).toBe(true);
  });
});
