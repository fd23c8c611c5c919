import { createContext, useContext } from 'react';
import type { Language } from '../i18n/locale.ts';
import type { HelpTopicId } from './topics.ts';

/** A hub's help panel, as its charts reach it: the language and how to open the panel on a topic. */
export interface HelpOpener {
  language: Language;
  open: (topic: HelpTopicId) => void;
}

/** Provided by each hub around its views; a chart title's "?" opens the hub's one help panel through it. */
export const HelpOpenerContext = createContext<HelpOpener | null>(null);

export function useHelpOpener(): HelpOpener | null {
  return useContext(HelpOpenerContext);
}
