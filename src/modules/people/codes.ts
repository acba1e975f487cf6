/**
 * The people module's code lists, as the record shows them and the seed draws from them: DfE
 * ethnicity codes and ISO 639-3 first languages, each with its label.
 */

/** The 18 main DfE ethnicity codes (CIN census, school census). REFU and NOBT are not drawn. */
export const ETHNICITY_CODES = [
  'WBRI', 'WIRI', 'WIRT', 'WOTH', 'WROM',
  'MWBC', 'MWBA', 'MWAS', 'MOTH',
  'AIND', 'APKN', 'ABAN', 'AOTH',
  'BCRB', 'BAFR', 'BOTH',
  'CHNE', 'OOTH',
] as const;
export type EthnicityCode = (typeof ETHNICITY_CODES)[number];

export const ETHNICITY_LABELS: Readonly<Record<EthnicityCode, string>> = {
  WBRI: 'White – British',
  WIRI: 'White – Irish',
  WIRT: 'Traveller of Irish heritage',
  WOTH: 'Any other White background',
  WROM: 'Gypsy / Roma',
  MWBC: 'White and Black Caribbean',
  MWBA: 'White and Black African',
  MWAS: 'White and Asian',
  MOTH: 'Any other mixed background',
  AIND: 'Indian',
  APKN: 'Pakistani',
  ABAN: 'Bangladeshi',
  AOTH: 'Any other Asian background',
  BCRB: 'Black Caribbean',
  BAFR: 'Black – African',
  BOTH: 'Any other Black background',
  CHNE: 'Chinese',
  OOTH: 'Any other ethnic group',
};

/** ISO 639-3 codes (some are macrolanguages: zho, ara, kur, rom, sqi, lav). */
export const LANGUAGE_CODES = [
  'eng', 'gle', 'pol', 'lit', 'lav', 'bul', 'ces', 'slk', 'hun', 'ukr', 'rus', 'ron', 'rom', 'sqi',
  'pan', 'guj', 'hin', 'tam', 'urd', 'pus', 'prs', 'ben', 'syl',
  'yor', 'ibo', 'twi', 'fra', 'som', 'tir', 'amh',
  'zho', 'yue', 'vie', 'ara', 'tur', 'kur',
] as const;
export type LanguageCode = (typeof LANGUAGE_CODES)[number];

export const LANGUAGE_NAMES: Readonly<Record<LanguageCode, string>> = {
  eng: 'English', gle: 'Irish', pol: 'Polish', lit: 'Lithuanian', lav: 'Latvian', bul: 'Bulgarian',
  ces: 'Czech', slk: 'Slovak', hun: 'Hungarian', ukr: 'Ukrainian', rus: 'Russian', ron: 'Romanian',
  rom: 'Romany', sqi: 'Albanian', pan: 'Panjabi', guj: 'Gujarati', hin: 'Hindi', tam: 'Tamil',
  urd: 'Urdu', pus: 'Pashto', prs: 'Dari', ben: 'Bengali', syl: 'Sylheti', yor: 'Yoruba', ibo: 'Igbo',
  twi: 'Twi', fra: 'French', som: 'Somali', tir: 'Tigrinya', amh: 'Amharic', zho: 'Chinese',
  yue: 'Cantonese', vie: 'Vietnamese', ara: 'Arabic', tur: 'Turkish', kur: 'Kurdish',
};
