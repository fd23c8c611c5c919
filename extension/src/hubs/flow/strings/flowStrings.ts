import type { Language } from '../../../i18n/locale.ts';
import { flowEn, type FlowStrings } from './en.ts';
import { flowJa } from './ja.ts';

const byLanguage: Record<Language, FlowStrings> = { en: flowEn, ja: flowJa };

export function flowStrings(language: Language): FlowStrings {
  return byLanguage[language];
}
