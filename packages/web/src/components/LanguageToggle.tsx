import { useLanguage, useT } from '../i18n/I18nProvider';

export function LanguageToggle() {
  const t = useT();
  const { language, setLanguage } = useLanguage();
  return (
    <button
      type="button"
      className="language-toggle"
      aria-label={t('language.toggleLabel')}
      onClick={() => setLanguage(language === 'es' ? 'en' : 'es')}
    >
      {t('language.toggle')}
    </button>
  );
}
