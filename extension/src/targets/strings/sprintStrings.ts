import type { Language } from '../../i18n/locale.ts';
import { sprintEn, type SprintStrings } from './en.ts';
import { sprintJa } from './ja.ts';

const byLanguage: Record<Language, SprintStrings> = { en: sprintEn, ja: sprintJa };

export function sprintStrings(language: Language): SprintStrings {
  return byLanguage[language];
}
