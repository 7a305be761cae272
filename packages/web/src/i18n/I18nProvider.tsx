import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { dictionaries, type Language, type MessageKey } from './dictionary';

export type TranslateParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: TranslateParams) => string;

interface I18nContextValue {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
  /**
   * Locale-aware number formatting, so thousands separators follow the chosen language. A minimum
   * of decimals keeps columns of percentages aligned ("28,0 %" beside "27,4 %").
   */
  formatNumber: (
    value: number,
    maximumFractionDigits?: number,
    minimumFractionDigits?: number,
  ) => string;
  /** Date and time in the chosen language, in the browser's time zone; '' for an invalid date. */
  formatDateTime: (iso: string) => string;
  /** A calendar day (`YYYY-MM-DD`) as digits in the reader's order; the input itself if invalid. */
  formatDate: (day: string) => string;
}

const STORAGE_KEY = 'yawar.language';
const LOCALES: Record<Language, string> = { es: 'es-PE', en: 'en-GB' };

const I18nContext = createContext<I18nContextValue | null>(null);

function initialLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'es' || stored === 'en') return stored;
  } catch {
    // localStorage can throw in private modes; Spanish is the default anyway.
  }
  return 'es';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);

  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not persisting the choice is harmless.
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const value = useMemo<I18nContextValue>(() => {
    const dictionary = dictionaries[language];
    const numberFormats = new Map<string, Intl.NumberFormat>();
    const dateTimeFormat = new Intl.DateTimeFormat(LOCALES[language], {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    // A calendar day has no time zone: read and print it in UTC so it never shifts by one.
    const dateFormat = new Intl.DateTimeFormat(LOCALES[language], {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      timeZone: 'UTC',
    });
    return {
      language,
      setLanguage,
      t: (key, params) => {
        // Codes from the server (roles, scope kinds) may be newer than this build: show the key
        // rather than nothing.
        const template = (dictionary[key] as string | undefined) ?? key;
        if (!params) return template;
        return template.replace(/\{(\w+)\}/g, (match, name: string) =>
          name in params ? String(params[name]) : match,
        );
      },
      formatNumber: (value, maximumFractionDigits = 0, minimumFractionDigits = 0) => {
        const key = `${maximumFractionDigits}|${minimumFractionDigits}`;
        let format = numberFormats.get(key);
        if (!format) {
          format = new Intl.NumberFormat(LOCALES[language], {
            maximumFractionDigits,
            minimumFractionDigits: Math.min(minimumFractionDigits, maximumFractionDigits),
          });
          numberFormats.set(key, format);
        }
        return format.format(value);
      },
      formatDateTime: (iso) => {
        const date = new Date(iso);
        return Number.isNaN(date.getTime()) ? '' : dateTimeFormat.format(date);
      },
      formatDate: (day) => {
        const date = new Date(`${day}T00:00:00Z`);
        return Number.isNaN(date.getTime()) ? day : dateFormat.format(date);
      },
    };
  }, [language, setLanguage]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18n(): I18nContextValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

export const useT = (): Translate => useI18n().t;
export const useFormatNumber = () => useI18n().formatNumber;
export const useFormatDateTime = () => useI18n().formatDateTime;
export const useFormatDate = () => useI18n().formatDate;
export const useLanguage = () => {
  const { language, setLanguage } = useI18n();
  return { language, setLanguage };
};
