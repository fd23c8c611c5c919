import type { Language } from '../../../i18n/locale.ts';
import { deliveryEn, type DeliveryStrings } from './en.ts';
import { deliveryJa } from './ja.ts';

const byLanguage: Record<Language, DeliveryStrings> = { en: deliveryEn, ja: deliveryJa };

export function deliveryStrings(language: Language): DeliveryStrings {
  return byLanguage[language];
}
