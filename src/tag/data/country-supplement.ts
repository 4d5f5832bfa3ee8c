/**
 * The curated supplement to the two data packages (see ../README.md for what each package
 * gives) that belongs to no single language: terms left out, homonym cue words, ambiguous and
 * multi-country terms, blocked phrases, food words. What one language needs (its adjectives,
 * demonyms, capitals, institutions, language and currency words) is in ../languages/<code>.ts.
 * Keys are ISO 3166-1 alpha-2 codes (XK for Kosovo).
 *
 * Conventions:
 * - Terms are dictionary forms (nominative singular; masculine for adjectives) and go through
 *   the inflection rules of their language (../inflect.ts). A term starting with `=` is a
 *   surface form taken as written (irregular forms the rules cannot derive).
 * - A term written in capitals (USA, РФ, АҚШ) only matches a token written in capitals.
 * - Everything is matched after normalisation (../normalize-text.ts), so spelling variants
 *   that differ only by diacritics, case or apostrophe style need not be listed.
 */

type Forms = Record<string, string[]>;

/**
 * Terms from the packages that are left out, with the reason. Source: the DESIGN rule (a
 * non-capital or a common word is not the state) and checks of each against ordinary words.
 */
export const droppedTerms: Array<{ iso2: string; terms: string[]; reason: string }> = [
  { iso2: '*', terms: ['City of Victoria', 'Victoria', 'The Valley', 'Plymouth', 'Hamilton', 'Douglas', 'Stanley', 'Jamestown', 'West Island', 'Flying Fish Cove', 'King Edward Point', 'Adamstown', 'George Town', 'Saint-Denis', 'Saint-Pierre', 'The Bottom', 'Kingston'], reason: 'territory capitals that are common words or towns elsewhere' },
  { iso2: 'CV', terms: ['Praia'], reason: 'Portuguese for beach' },
  { iso2: 'TL', terms: ['Timor'], reason: 'the island, shared with Indonesia' },
  { iso2: 'LA', terms: ['Lao'], reason: 'a language and a common name' },
  { iso2: 'CN', terms: ['Zhonghua'], reason: 'part of many names' },
  { iso2: 'MK', terms: ['Macedonia'], reason: 'also the Greek region' },
  { iso2: 'GB', terms: ['Great'], reason: 'no single word of a phrase name' },
  { iso2: 'ML', terms: ['مالی'], reason: 'Urdu for "financial"' },
];

/** Jamaica keeps Kingston (Norfolk Island's Kingston is a village). */
export const extraCapitalsEnglish: Forms = { JM: ['Kingston'] };

/**
 * Surface forms whose diacritics are part of the word: without them they are another word.
 * Source: checked against English words (reunion, male) and US place names (San Jose).
 */
export const diacriticsRequired: Array<{ iso2: string; terms: string[] }> = [
  { iso2: 'RE', terms: ['Réunion', 'La Réunion'] },
  { iso2: 'MV', terms: ['Malé'] },
  { iso2: 'CR', terms: ['San José'] },
];

/**
 * Cue words: single tokens whose presence anywhere in an item resolves a homonym.
 * Source: the places, institutions and names that news pairs with each reading.
 */
export const cueSets: Record<string, string[]> = {
  georgiaCountry: ['Tiflis', 'Tbilissi', 'Tbilisi', 'Caucasus', 'Caucasian', 'Abkhazia', 'Ossetia', 'Kobakhidze', 'Zourabichvili', 'Ivanishvili', 'Saakashvili', 'Batumi', 'Kutaisi', 'Moscow', 'Kremlin', 'Russia', 'Russian', 'Ukraine', 'Armenia', 'Azerbaijan', 'Soviet', 'NATO', 'EU', 'European', 'Brussels', 'Black', 'Parliament', 'Lari'],
  usState: ['Atlanta', 'Savannah', 'Augusta', 'Macon', 'Athens', 'Columbus', 'Fulton', 'Kemp', 'Raffensperger', 'Warnock', 'Ossoff', 'Governor', 'Gov', 'Senator', 'Sen', 'Senate', 'Republican', 'Republicans', 'Democrat', 'Democrats', 'GOP', 'County', 'Counties', 'District', 'Congressman', 'Congresswoman', 'Rep', 'GA', 'Ga', 'Bulldogs', 'Peach', 'Florida', 'Alabama', 'Carolina', 'Tennessee', 'Texas', 'Arizona', 'Michigan', 'Pennsylvania', 'Nevada', 'Wisconsin', 'Ohio', 'Virginia', 'Mississippi', 'Louisiana', 'Kentucky', 'Seattle', 'Spokane', 'Tacoma', 'Olympia', 'Oregon', 'Idaho'],
  drCongo: ['Kinshasa', 'Goma', 'M23', 'Tshisekedi', 'Kivu', 'Kabila', 'Lubumbashi', 'Katanga', 'Ituri', 'Bukavu', 'DRC', 'Democratic', 'Rwanda', 'Rwandan'],
  congoRepublic: ['Brazzaville', 'Sassou', 'Nguesso', 'Pointe-Noire'],
  southKorea: ['Seoul', 'Yoon', 'Busan', 'Samsung', 'Hyundai', 'Incheon', 'Gyeongju', 'Sejong', 'Сеул', '서울'],
  northKorea: ['Pyongyang', 'Jong', 'Juche', 'DPRK', 'Пхеньян', '평양', 'Kim'],
  turkeyFood: ['Thanksgiving', 'roast', 'roasted', 'stuffing', 'gravy', 'poultry', 'bird', 'birds', 'dinner', 'sandwich', 'sandwiches', 'farm', 'farms', 'feathers', 'gobble', 'Butterball', 'recipe', 'recipes', 'carve', 'carving', 'wild', 'pardon', 'pardoned', 'pardons', 'leftovers', 'cranberry', 'oven', 'bacon'],
  belgiumNotEu: ['EU', 'European', 'Commission', 'bloc', 'NATO', 'UE', 'europeia', 'europeias', 'europea', 'europeas', 'européenne', 'Vingt-Sept', 'Kommission', 'Comissão', 'Comisión', 'Commissione', 'sanções', 'sanciones', 'sanzioni', 'sankcje'],
  usStateOther: ['अमेरिकी', 'राज्य', 'गवर्नर', 'estadounidense', 'norte-americano', 'americano', 'gobernador', 'governador', 'governatore', 'stan', 'americký', 'américain', 'américaine', 'Atlanta', 'Savannah', 'gouverneur', 'Kemp', 'الأمريكية', 'الأمريكي', 'أتلانتا', 'ولاية', 'آمریکا', 'آمریکایی', 'ایالت', 'امریکی', 'ریاست', 'اٹلانٹا'],
  // Frequent English words that are not words of the other Latin-script languages we match:
  // one of them in an item without a declared language makes it an English text (RULE_FOREIGN).
  // Frequent Russian function words that the Turkic and Mongolian Cyrillic languages do not
  // use: one of them in an item without a declared language makes it a Russian text.
  russian: ['и', 'в', 'что', 'это', 'для', 'из', 'по', 'как', 'от', 'при', 'после', 'также', 'на', 'не', 'его', 'о', 'к'],
  english: ['the', 'and', 'with', 'that', 'this', 'from', 'has', 'have', 'says', 'said', 'after', 'who', 'how', 'what', 'why', 'its', 'their', 'they', 'than', 'been', 'would', 'could', 'should', 'about', 'which', 'into', 'over', 'amid'],
};

/**
 * Terms that need context. `person`: not when an adjacent capitalised word makes it a name
 * (Michael Jordan, Chad Daybell, George Washington); `needCues`: only when a cue word of one of
 * these sets occurs in the item; `vetoCues`: never when one does; `notSentenceInitial`: a
 * capital letter at the start of a sentence says nothing, so it must stand elsewhere.
 */
export const homonyms: Array<{
  iso2: string;
  terms: string[];
  person?: true;
  needCues?: string[];
  vetoCues?: string[];
  notSentenceInitial?: true;
}> = [
  { iso2: 'GE', terms: ['Georgia', 'Georgian'], needCues: ['georgiaCountry'], vetoCues: ['usState'] },
  { iso2: 'JO', terms: ['Jordan'], person: true },
  { iso2: 'TD', terms: ['Chad'], person: true },
  { iso2: 'TR', terms: ['Turkey'], vetoCues: ['turkeyFood'] },
  { iso2: 'US', terms: ['Washington'], person: true, vetoCues: ['usState'] },
  { iso2: 'FR', terms: ['Paris'], person: true },
  { iso2: 'GB', terms: ['London'], person: true },
  { iso2: 'CL', terms: ['Santiago'], person: true },
  { iso2: 'BG', terms: ['Sofia'], person: true },
  { iso2: 'GY', terms: ['Georgetown'], person: true },
  { iso2: 'NZ', terms: ['Wellington'], person: true },
  { iso2: 'BS', terms: ['Nassau'], person: true },
  { iso2: 'IL', terms: ['Israel'], person: true },
  { iso2: 'KE', terms: ['Kenya'], person: true },
  { iso2: 'TG', terms: ['Того'], notSentenceInitial: true },
  { iso2: 'BE', terms: ['Brussels', 'Bruxelas', 'Bruselas', 'Bruxelles', 'Bruksela', 'Brusel', 'Brüssel'], vetoCues: ['belgiumNotEu'] },
  // Georgia the US state in French, Arabic, Persian and Urdu texts (the country is also written so).
  { iso2: 'GE', terms: ['Géorgie', 'جورجيا', 'جارجیا', 'जॉर्जिया'], vetoCues: ['usStateOther'] },
];

/**
 * Words naming more than one country, resolved by cue words in the item; without a cue they
 * name neither (README: decisions). Forms are English and their equivalents.
 */
export const ambiguousTerms: Array<{ lang: string; kind: 'name' | 'adjective' | 'demonym'; terms: string[]; candidates: Array<{ iso2: string; needCues: string }> }> = [
  { lang: 'en', kind: 'name', terms: ['Congo'], candidates: [{ iso2: 'CD', needCues: 'drCongo' }, { iso2: 'CG', needCues: 'congoRepublic' }] },
  { lang: 'en', kind: 'demonym', terms: ['Congolese'], candidates: [{ iso2: 'CD', needCues: 'drCongo' }, { iso2: 'CG', needCues: 'congoRepublic' }] },
  { lang: 'en', kind: 'name', terms: ['Korea'], candidates: [{ iso2: 'KR', needCues: 'southKorea' }, { iso2: 'KP', needCues: 'northKorea' }] },
  { lang: 'en', kind: 'demonym', terms: ['Korean'], candidates: [{ iso2: 'KR', needCues: 'southKorea' }, { iso2: 'KP', needCues: 'northKorea' }] },
  { lang: 'ru', kind: 'name', terms: ['Корея'], candidates: [{ iso2: 'KR', needCues: 'southKorea' }, { iso2: 'KP', needCues: 'northKorea' }] },
  { lang: 'ru', kind: 'adjective', terms: ['корейский'], candidates: [{ iso2: 'KR', needCues: 'southKorea' }, { iso2: 'KP', needCues: 'northKorea' }] },
  { lang: 'ru', kind: 'name', terms: ['Конго'], candidates: [{ iso2: 'CD', needCues: 'drCongo' }, { iso2: 'CG', needCues: 'congoRepublic' }] },
  { lang: 'de', kind: 'name', terms: ['Korea'], candidates: [{ iso2: 'KR', needCues: 'southKorea' }, { iso2: 'KP', needCues: 'northKorea' }] },
  { lang: 'de', kind: 'name', terms: ['Kongo'], candidates: [{ iso2: 'CD', needCues: 'drCongo' }, { iso2: 'CG', needCues: 'congoRepublic' }] },
  { lang: 'fr', kind: 'name', terms: ['Corée'], candidates: [{ iso2: 'KR', needCues: 'southKorea' }, { iso2: 'KP', needCues: 'northKorea' }] },
  { lang: 'pt', kind: 'name', terms: ['Coreia'], candidates: [{ iso2: 'KR', needCues: 'southKorea' }, { iso2: 'KP', needCues: 'northKorea' }] },
];

/** Words that name several countries at once. */
export const multiCountryTerms: Array<{ lang: string; terms: string[]; iso2: string[] }> = [
  { lang: 'en', terms: ['Koreas', 'two Koreas'], iso2: ['KR', 'KP'] },
  { lang: 'en', terms: ['inter-Korean'], iso2: ['KR', 'KP'] },
  { lang: 'pt', terms: ['intercoreano'], iso2: ['KR', 'KP'] },
];

/**
 * Phrases that contain a country term but are not about the country: seas and gulfs, US
 * states and places, foods and idioms, firms, clubs and media named after a country or a
 * capital. They match no topic and, being longer, win over the term inside them.
 * Source: the DESIGN rule's exclusions and the evaluation set's labelling decisions.
 */
export const blockedPhrases: string[] = [
  // Seas, gulfs, oceans, straits, regions
  'South China Sea', 'East China Sea', 'Sea of Japan', 'Indian Ocean', 'Irish Sea', 'Gulf of Mexico', 'Gulf of Oman',
  'Gulf of Guinea', 'Gulf of Thailand', 'Philippine Sea', 'Arabian Sea', 'Persian Gulf', 'English Channel', 'Gulf of America',
  'Korean Peninsula', 'Korean War', 'New Guinea', 'Niger Delta', 'Niger River', 'River Niger', 'Jordan River', 'River Jordan',
  'Jordan Valley', 'Lake Chad', 'Latin America', 'South America', 'North America', 'Central America', 'Latin American',
  'South American', 'North American', 'Central American', 'Pan American', 'American Indian', 'American Indians', 'West Indies',
  'West Indian', 'British Columbia', 'New England', 'New South Wales', 'Indian Country',
  // US and other places named after a country or capital
  'New Mexico', 'New Jersey', 'Jersey City', 'Jersey Shore', 'Washington State', 'Washington state', 'University of Washington',
  'Georgia Tech', 'Indian Wells', 'Indiana', 'Lebanon, Pennsylvania', 'Niger State', 'Niger Gov', 'Niger Governor', 'Niger Government',
  'Indian tribe', 'Indian tribes', 'Indian reservation',
  // Foods, animals, idioms
  'guinea pig', 'guinea pigs', 'guinea fowl', 'guinea worm', 'French fries', 'French fry', 'French toast', 'French press',
  'French kiss', 'French horn', 'Swiss cheese', 'Brussels sprouts', 'Danish pastry', 'Turkish delight', 'Russian roulette',
  'Russian doll', 'Russian dolls', 'Spanish flu', 'German shepherd', 'Great Dane', 'Dutch oven', 'Irish coffee', 'Greek yogurt',
  'Greek yoghurt', 'Mexican wave', 'Chinese whispers', 'Chinese New Year', 'Japanese knotweed', 'Indian summer', 'Panama hat',
  'English breakfast', 'Belgian waffle', 'Belgian waffles', 'Havana syndrome', 'Cayenne pepper', 'Cuban cigar', 'Cuban cigars',
  // Firms, clubs, media
  'Real Madrid', 'Atletico Madrid', 'Atlético Madrid', 'Paris Saint-Germain', 'Washington Post', 'Washington Times',
  'Washington Nationals', 'Washington Commanders', 'Washington Wizards', 'Washington Capitals', 'Voice of America',
  'Bank of America', 'One America News', 'Times of India', 'Air India', 'China Daily', 'Gulf News', 'France 24', 'Japan Times',
  'Japan Today', 'Korea Herald', 'Korea Times', 'Kyiv Independent', 'Kyiv Post', 'Moscow Times', 'Jerusalem Post', 'Times of Israel',
  'Bangkok Post', 'Tehran Times', 'Irish Times', 'Irish Independent', 'Deutsche Bank', 'Deutsche Telekom', 'Deutsche Bahn',
  'Deutsche Post', 'Air France', 'Turkish Airlines', 'Qatar Airways', 'Singapore Airlines', 'British Airways', 'Saudi Aramco',
  'Emirates airline',
];

/** Food words: "Greek yogurt", "Italian meatballs", "Thai stir-fries" name a cuisine, not the state. */
export const foodWords: string[] = [
  'cuisine', 'food', 'foods', 'dish', 'dishes', 'recipe', 'recipes', 'restaurant', 'restaurants', 'takeaway', 'salad', 'lamb',
  'beef', 'pork', 'chicken', 'cheese', 'wine', 'wines', 'beer', 'coffee', 'tea', 'bread', 'pastry', 'pastries', 'sauce', 'curry',
  'curries', 'noodles', 'meatballs', 'stir', 'sausage', 'sausages', 'dumplings', 'dessert', 'desserts', 'cooking', 'chef', 'chefs',
  'yogurt', 'yoghurt', 'pizza', 'pasta', 'soup', 'stew', 'cake', 'cakes', 'chocolate', 'vodka', 'whisky', 'whiskey', 'kebab',
];

/** Words that end a phrase for the `beforeAtEnd` test: a language name may be followed by them. */
export const phraseEndWords: string[] = [
  'and', 'or', 'with', 'on', 'at', 'by', 'for', 'to', 'as', 'but', 'the', 'a', 'an', 'is', 'was', 'are', 'were', 'from', 'in',
  'of', 'that', 'which', 'while', 'when', 'и', 'или', 'а', 'но', 'и', 'та', 'und', 'oder', 'et', 'ou', 'y', 'e', 'o',
];

/**
 * Words that, capitalised next to a person-homonym, are not a first name or surname: function
 * words capitalised at a sentence start, and titles (King Abdullah of Jordan, Jordan's King).
 */
export const notPersonNames: string[] = [
  'the', 'a', 'an', 'in', 'on', 'at', 'to', 'for', 'from', 'with', 'by', 'of', 'and', 'or', 'but', 'as', 'after', 'before', 'over',
  'under', 'about', 'against', 'between', 'why', 'how', 'what', 'when', 'where', 'who', 'is', 'are', 'was', 'were', 'will', 'would',
  'can', 'could', 'should', 'may', 'might', 'not', 'no', 'if', 'while', 'during', 'into', 'amid', 'despite', 'via', 'says', 'said',
  'its', 'his', 'her', 'their', 'our', 'new', 'more', 'watch', 'live', 'video', 'analysis', 'opinion', 'exclusive', 'breaking',
  'update', 'report', 'inside', 'both', 'all', 'some', 'many', 'most', 'top', 'first', 'last', 'this', 'that', 'these', 'those',
  'then', 'now', 'today', 'also', 'even', 'only', 'just', 'still', 'neighbouring', 'neighboring', 'across', 'near', 'outside',
  'king', 'queen', 'prince', 'princess', 'president', 'prime', 'minister', 'ministers', 'foreign', 'government', 'army', 'military',
  'police', 'officials', 'authorities', 'court', 'parliament', 'troops', 'forces', 'border', 'state', 'news', 'agency', 'ministry',
  'embassy', 'ambassador', 'crown', 'royal', 'central', 'national', 'security', 'defence', 'defense', 'air', 'navy', 'general',
  'official', 'leader', 'leaders', 'people', 'capital', 'city', 'junta', 'regime', 'rebels', 'refugees', 'says', 'talks', 'visit',
  'deal', 'vs', 'v', 'and', 'nations', 'countries', 'gulf', 'arab', 'african', 'asian', 'european', 'western', 'eastern',
  'northern', 'southern', 'mr', 'mrs', 'ms', 'dr', 'sir', 'lord',
];

/**
 * Words that, after "Capital, …", make the capital a town of that name elsewhere (Moscow,
 * Idaho; Paris, Texas; London, Ontario). First words of US states and Canadian provinces and
 * their AP abbreviations.
 */
export const elsewhereRegions: string[] = [
  'alabama', 'alaska', 'arizona', 'arkansas', 'california', 'colorado', 'connecticut', 'delaware', 'florida', 'georgia', 'hawaii',
  'idaho', 'illinois', 'indiana', 'iowa', 'kansas', 'kentucky', 'louisiana', 'maine', 'maryland', 'massachusetts', 'michigan',
  'minnesota', 'mississippi', 'missouri', 'montana', 'nebraska', 'nevada', 'new', 'north', 'south', 'ohio', 'oklahoma', 'oregon',
  'pennsylvania', 'rhode', 'tennessee', 'texas', 'utah', 'vermont', 'virginia', 'west', 'wisconsin', 'wyoming', 'ontario', 'quebec',
  'ala', 'ariz', 'ark', 'calif', 'colo', 'conn', 'fla', 'ga', 'ill', 'kan', 'ky', 'md', 'mass', 'mich', 'minn', 'miss', 'mont',
  'neb', 'nev', 'okla', 'ore', 'tenn', 'tex', 'vt', 'wash', 'wis', 'wyo', 'ont',
];
