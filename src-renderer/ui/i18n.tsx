import { createContext, useContext } from 'react';
import { translate, type Lang, type StringKey } from '../../src-shared/i18n/strings.js';

export const LangContext = createContext<Lang>('zh');

export function useT(): (key: StringKey) => string {
  const lang = useContext(LangContext);
  return (key) => translate(key, lang);
}

/** Picks the message of a UserError or finding in the current language. */
export function useMsg(): (m: { message_zh: string; message_en: string }) => string {
  const lang = useContext(LangContext);
  return (m) => (lang === 'zh' ? m.message_zh : m.message_en);
}
