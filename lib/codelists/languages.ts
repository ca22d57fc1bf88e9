import languages from '@cospired/i18n-iso-languages';
import en from '@cospired/i18n-iso-languages/langs/en.json';
import es from '@cospired/i18n-iso-languages/langs/es.json';
import fr from '@cospired/i18n-iso-languages/langs/fr.json';
import type { CodeOption, CodelistLocale } from './locales';

languages.registerLocale(en);
languages.registerLocale(fr);
languages.registerLocale(es);

/**
 * ISO 639-1 codes the IATI Language codelist leaves out (Church Slavic,
 * Interlingua, Interlingue): not offered, so every value we write is valid
 * IATI.
 */
const notInIatiLanguages = new Set(['cu', 'ia', 'ie']);

export function listLanguageCodes(): string[] {
  return Object.keys(languages.getAlpha2Codes()).filter(
    (code) => !notInIatiLanguages.has(code),
  );
}

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
