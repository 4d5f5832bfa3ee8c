/**
 * Chinese (simplified; traditional forms are derived below). Names come from world-countries
 * and i18n-iso-countries (zh). News writes two or more states as a compound of their one-character
 * abbreviations (中俄 "China–Russia", 俄乌 "Russia–Ukraine", 中吉乌 "China–Kyrgyzstan–Uzbekistan")
 * and one state as its abbreviation before a noun (俄军 "the Russian army", 哈总统 "Kazakhstan's
 * president", 对华 "towards China"). These characters are ordinary words elsewhere (中 "middle",
 * 美 "beautiful", 法 "law"), so only the compounds listed here count, only when they stand as
 * whole words in the segmenter's cut, alone or before one of `heads`. Sources: the abbreviations
 * of Xinhua's style (新华社新闻信息报道中的禁用词和慎用词, the list of 国家简称) and the
 * compounds in common use in People's Daily and Xinhua headlines.
 */
import type { CountryTermKind, LanguageRules } from './types';

/** Simplified → traditional for the characters of country names and the compounds below. */
const traditional: Record<string, string> = {
  罗: '羅', 乌: '烏', 兰: '蘭', 萨: '薩', 华: '華', 国: '國', 亚: '亞', 尔: '爾', 别: '別', 门: '門', 湾: '灣', 韩: '韓', 东: '東',
  宫: '宮', 顿: '頓', 伦: '倫', 联: '聯', 苏: '蘇', 维: '維', 纽: '紐', 马: '馬', 达: '達', 鲁: '魯', 贝: '貝', 卢: '盧', 库: '庫',
  兹: '茲', 杰: '傑', 纳: '納', 岛: '島', 来: '來', 麦: '麥', 爱: '愛', 约: '約', 叙: '敘', 缅: '緬', 挝: '撾', 宾: '賓', 时: '時',
  奥: '奧', 腊: '臘', 脱: '脫', 鲜: '鮮', 辅: '輔', 议: '議', 会: '會', 军: '軍', 总: '總', 统: '統', 长: '長', 两: '兩', 边: '邊',
  关: '關', 战: '戰', 几: '幾', 内: '內', 泽: '澤', 圣: '聖', 图: '圖', 买: '買', 济: '濟', 韦: '韋', 刚: '剛', 绍: '紹', 冈: '岡',
  莱: '萊', 劳: '勞', 汤: '湯', 乐: '樂', 独: '獨', 丽: '麗', 坚: '堅', 币: '幣', 门户: '門戶', 双: '雙', 系: '係', 对: '對',
  访: '訪', 驻: '駐', 员: '員', 队: '隊', 领: '領', 导: '導', 务: '務', 卿: '卿', 众: '眾', 议员: '議員', 亚美: '亞美',
};

function toTraditional(text: string): string {
  let out = '';
  for (const ch of text) out += traditional[ch] ?? ch;
  return out;
}

const compounds: Record<string, string[]> = {
  中俄: ['CN', 'RU'], 俄中: ['RU', 'CN'], 中美: ['CN', 'US'], 美中: ['US', 'CN'], 美俄: ['US', 'RU'], 俄美: ['RU', 'US'],
  俄乌: ['RU', 'UA'], 乌俄: ['UA', 'RU'], 美乌: ['US', 'UA'], 中乌: ['CN', 'UA'], 中哈: ['CN', 'KZ'], 哈中: ['KZ', 'CN'],
  俄哈: ['RU', 'KZ'], 哈俄: ['KZ', 'RU'], 中吉: ['CN', 'KG'], 中塔: ['CN', 'TJ'], 中土: ['CN', 'TM'], 中蒙: ['CN', 'MN'],
  中蒙俄: ['CN', 'MN', 'RU'], 中吉乌: ['CN', 'KG', 'UZ'], 中哈乌: ['CN', 'KZ', 'UZ'], 俄白: ['RU', 'BY'], 俄土: ['RU', 'TR'],
  土俄: ['TR', 'RU'], 俄伊: ['RU', 'IR'], 美伊: ['US', 'IR'], 中伊: ['CN', 'IR'], 以巴: ['IL', 'PS'], 巴以: ['PS', 'IL'],
  印巴: ['IN', 'PK'], 中巴: ['CN', 'PK'], 中印: ['CN', 'IN'], 中日: ['CN', 'JP'], 日中: ['JP', 'CN'], 中韩: ['CN', 'KR'],
  日韩: ['JP', 'KR'], 韩日: ['KR', 'JP'], 美日: ['US', 'JP'], 日美: ['JP', 'US'], 美韩: ['US', 'KR'], 韩美: ['KR', 'US'],
  美日韩: ['US', 'JP', 'KR'], 中日韩: ['CN', 'JP', 'KR'], 朝韩: ['KP', 'KR'], 中朝: ['CN', 'KP'], 美朝: ['US', 'KP'],
  朝美: ['KP', 'US'], 俄朝: ['RU', 'KP'], 中英: ['CN', 'GB'], 英美: ['GB', 'US'], 美英: ['US', 'GB'], 中法: ['CN', 'FR'],
  法哈: ['FR', 'KZ'], 中德: ['CN', 'DE'], 德法: ['DE', 'FR'], 法德: ['FR', 'DE'], 中越: ['CN', 'VN'], 中澳: ['CN', 'AU'],
  中加: ['CN', 'CA'], 中欧: ['CN'], 中非: ['CN'], 中阿: ['CN'], 中亚: [], 美墨: ['US', 'MX'], 美加: ['US', 'CA'],
  阿塞: [], 亚阿: ['AM', 'AZ'], 阿亚: ['AZ', 'AM'], 中菲: ['CN', 'PH'], 美菲: ['US', 'PH'], 中泰: ['CN', 'TH'], 中老: ['CN', 'LA'],
  中沙: ['CN', 'SA'], 沙伊: ['SA', 'IR'], 以伊: ['IL', 'IR'], 美以: ['US', 'IL'], 中以: ['CN', 'IL'], 土叙: ['TR', 'SY'],
};

/** One state's abbreviation before one of these nouns: 俄军, 哈总统, 塔外长, 中方, 美方. */
const singles: Record<string, string> = {
  中: 'CN', 俄: 'RU', 美: 'US', 哈: 'KZ', 乌: 'UA', 吉: 'KG', 塔: 'TJ', 蒙: 'MN', 日: 'JP', 韩: 'KR', 朝: 'KP', 英: 'GB',
  法: 'FR', 德: 'DE', 印: 'IN', 以: 'IL', 伊: 'IR', 土: 'TR', 白: 'BY',
};
const heads = [
  '军', '方', '总统', '外长', '总理', '两国', '双方', '关系', '边境', '政府', '官员', '军队', '外交部', '防长', '国防部',
  '大使', '驻华大使', '领导人', '元首', '首脑', '议会', '国务卿', '总统府', '央行',
];
/** 华 (China) after a preposition or verb: 对华, 访华, 来华, 赴华, 在华, 涉华, 驻华, 援华. */
const chinaAfter = ['对', '访', '来', '赴', '在', '涉', '驻', '援', '反', '离', '抵'];

function both(list: readonly string[]): string[] {
  return [...new Set(list.flatMap((word) => [word, toTraditional(word)]))];
}

export const zh: LanguageRules = {
  code: 'zh',
  names: {
    US: ['美国'],
    KR: ['南韩'],
    KP: ['北韩'],
    PS: ['巴勒斯坦', '加沙'],
  },
  capitals: {
    RU: ['莫斯科'],
    KZ: ['阿斯塔纳'],
    UA: ['基辅'],
    US: ['华盛顿'],
    CN: ['北京'],
    GB: ['伦敦'],
    JP: ['东京'],
    KR: ['首尔'],
    KG: ['比什凯克'],
    UZ: ['塔什干'],
    TJ: ['杜尚别'],
    TM: ['阿什哈巴德'],
    AZ: ['巴库'],
    AM: ['埃里温'],
    GE: ['第比利斯'],
    IR: ['德黑兰'],
    TR: ['安卡拉'],
    AF: ['喀布尔'],
    BY: ['明斯克'],
    LT: ['维尔纽斯'],
    SA: ['利雅得'],
    DE: ['柏林'],
    FR: ['巴黎'],
    IN: ['新德里'],
    PK: ['伊斯兰堡'],
    MN: ['乌兰巴托'],
    TW: ['台北', '臺北'],
  },
  institutions: {
    RU: ['克里姆林宫', '国家杜马'],
    US: ['白宫', '五角大楼'],
  },
  // Languages and currencies: 俄语 (Russian), 俄罗斯卢布, 哈萨克斯坦坚戈.
  currencyWords: ['卢布', '坚戈', '美元', '人民币', '日元', '韩元', '卢比', '里亚尔', '新台币', '港元', '欧元'].flatMap((w) => [w, toTraditional(w)]),
  nameQualifiers: ['语', '語', '文'],
  blockedPhrases: ['佐治亚州', '喬治亞州', '美联储', '美聯儲', '日本海', '南海', '黑海', '里海', '中亚', '中亞'],
  abbreviations: {
    compounds: Object.fromEntries(Object.entries(compounds).flatMap(([text, iso2]) => both([text]).map((t) => [t, iso2]))),
    singles: Object.fromEntries(Object.entries(singles).flatMap(([text, iso2]) => both([text]).map((t) => [t, iso2]))),
    heads: both(heads),
    bound: { 华: { iso2: 'CN', after: both(chinaAfter) }, 華: { iso2: 'CN', after: both(chinaAfter) } },
  },
};

/** Traditional Chinese (Taiwan, Hong Kong): every Chinese term in traditional characters. */
export const zhHant: LanguageRules = {
  code: 'zh-Hant',
  derive: { from: 'zh', terms: (text: string, kind: CountryTermKind) => (toTraditional(text) === text ? [] : [{ text: toTraditional(text), kind }]) },
};
