import { useTranslation } from 'react-i18next';
import { currentLanguage, LANGUAGES } from '../../i18n/i18n.ts';
import { useChangeLanguage } from './languagePreference.ts';

// Each language is named in itself, so a person who cannot read the current one still finds their own.
const NATIVE_NAMES: Record<(typeof LANGUAGES)[number], string> = { en: 'English', es: 'Español' };

export function LanguageSwitcher() {
  const { t } = useTranslation();
  const changeLanguage = useChangeLanguage();
  const current = currentLanguage();
  return (
    <div className="language-switcher" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="language-option"
          aria-pressed={language === current}
          onClick={() => void changeLanguage(language)}
        >
          {NATIVE_NAMES[language]}
        </button>
      ))}
    </div>
  );
}
