import languages from '@cospired/i18n-iso-languages';
import en from '@cospired/i18n-iso-languages/langs/en.json';
import es from '@cospired/i18n-iso-languages/langs/es.json';
import fr from '@cospired/i18n-iso-languages/langs/fr.json';
import { listLanguageCodes } from './language-codes';
import type { CodeOption, CodelistLocale } from './locales';

export { listLanguageCodes };

languages.registerLocale(en);
languages.registerLocale(fr);
languages.registerLocale(es);

/** The language's name; unknown codes are shown as they are. */
export function getLanguageName(
  code: string | null | undefined,
  locale: CodelistLocale = 'en',
): string | null {
  if (!code) return null;

  return languages.getName(code.toLowerCase(), locale) ?? code;
}

/** IATI languages, sorted by name in the given language. */
export function listLanguageOptions(
  locale: CodelistLocale = 'en',
): CodeOption[] {
  return listLanguageCodes()
    .map((value) => ({ value, label: getLanguageName(value, locale) ?? value }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
}
