/** Built-in help in the user's language. */
import type { Language } from '../i18n/locale.ts';
import { helpEn } from './en/index.ts';
import { helpJa } from './ja/index.ts';
import type { HelpContent } from './topics.ts';

export * from './topics.ts';

const HELP: Record<Language, HelpContent> = { en: helpEn, ja: helpJa };

export function helpContent(language: Language): HelpContent {
  return HELP[language];
}
