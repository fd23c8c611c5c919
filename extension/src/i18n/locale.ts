import { en, type Strings } from './en.ts';
import { ja } from './ja.ts';

export type Language = 'en' | 'ja';

const stringsByLanguage: Record<Language, Strings> = { en, ja };

/** Maps a culture such as "ja-JP" or "en-US" to a supported UI language; English otherwise. */
export function languageOf(culture: string | undefined): Language {
  return culture !== undefined && /^ja(?:[-_]|$)/i.test(culture) ? 'ja' : 'en';
}

export interface Localization {
  language: Language;
  /** BCP 47 tag for Intl formatting: the host culture when known, else the browser's. */
  locale: string;
  strings: Strings;
}

/** The host page's globalization culture wins; the browser language is the fallback. */
export function localize(hostCulture: string | undefined): Localization {
  const culture = hostCulture && hostCulture.length > 0 ? hostCulture : navigator.language;
  const language = languageOf(culture);
  return { language, locale: culture, strings: stringsByLanguage[language] };
}
