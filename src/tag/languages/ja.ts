/**
 * Japanese: terms the data packages lack, context words.
 * Rules follow the language's standard grammar (Wiktionary's declension tables are a convenient
 * reference); terms are the standard forms in the language's dictionaries; see ../README.md.
 */
import type { LanguageRules } from './types';

export const ja: LanguageRules = {
  code: 'ja',
  // States as one-character abbreviations in compounds (日米, 中露, 露ウ) and before a noun (米軍,
  // 露外相): the abbreviations of Japanese news style (NHK, Kyodo), see zh.ts for the mechanism.
  abbreviations: {
    compounds: {
      日米: ['JP', 'US'], 米日: ['US', 'JP'], 米中: ['US', 'CN'], 中米: ['CN', 'US'], 中日: ['CN', 'JP'], // not 日中 (daytime)
      中露: ['CN', 'RU'], 露中: ['RU', 'CN'], 日露: ['JP', 'RU'], 米露: ['US', 'RU'], 露米: ['RU', 'US'], 日韓: ['JP', 'KR'],
      韓日: ['KR', 'JP'], 米韓: ['US', 'KR'], 日米韓: ['JP', 'US', 'KR'], 米朝: ['US', 'KP'], 日朝: ['JP', 'KP'], 南北: [],
      露ウ: ['RU', 'UA'], 米英: ['US', 'GB'], 英仏: ['GB', 'FR'], 独仏: ['DE', 'FR'], 日英: ['JP', 'GB'], 日豪: ['JP', 'AU'],
      日印: ['JP', 'IN'], 中韓: ['CN', 'KR'], 露朝: ['RU', 'KP'], 中朝: ['CN', 'KP'], 米欧: ['US'], 日欧: ['JP'],
    },
    singles: { 露: 'RU', 米: 'US', 中: 'CN', 韓: 'KR', 朝: 'KP', 英: 'GB', 独: 'DE', 仏: 'FR', 豪: 'AU', 印: 'IN' },
    heads: ['軍', '首脳', '外相', '大統領', '政府', '関係', '両国', '側', '国防相', '大使', '首相', '当局', '国防省', '外務省', '議会', '南部', '北部', '東部', '西部'],
  },
  names: {
    US: ['米国', 'アメリカ'],
    GB: ['英国'],
    KR: ['韓国'],
    KP: ['北朝鮮'],
    RU: ['ロシア'],
    KZ: ['カザフ'],
  },
  blockedPhrases: ['ジョージア州', 'ヨルダン川', '日本海', '露天風呂'],
  currencyWords: ['テンゲ', 'ルーブル', 'ドル', '元'],
  nameQualifiers: ['語'],
  capitals: {
    RU: ['モスクワ'],
    KZ: ['アスタナ'],
    UA: ['キーウ', 'キエフ'],
    US: ['ワシントン'],
    JP: ['東京'],
    CN: ['北京'],
  },
  institutions: {
    RU: ['クレムリン'],
    US: ['ホワイトハウス'],
  },
};
