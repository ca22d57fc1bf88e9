import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import es from 'i18n-iso-countries/langs/es.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import type { CodeOption, CodelistLocale } from './locales';

countries.registerLocale(en);
countries.registerLocale(fr);
countries.registerLocale(es);

/**
 * Codes in the IATI Country codelist that ISO 3166-1 no longer has. IATI keeps
 * them as withdrawn so that old records still show a name; we never offer them
 * for new values.
 */
const withdrawnCountries: Record<string, Record<CodelistLocale, string>> = {
  AN: {
    en: 'Netherlands Antilles',
    fr: 'Antilles néerlandaises',
    es: 'Antillas Neerlandesas',
  },
};

export function listCountryCodes(): string[] {
  return Object.keys(countries.getAlpha2Codes());
}

/** The country's name; unknown codes are shown as they are. */
export function getCountryName(
  code: string | null | undefined,
  locale: CodelistLocale = 'en',
): string | null {
  if (!code) return null;

  const upper = code.toUpperCase();

  return (
    countries.getName(upper, locale, { select: 'official' }) ??
    withdrawnCountries[upper]?.[locale] ??
    code
  );
}

export function isWithdrawnCountry(code: string): boolean {
  return code.toUpperCase() in withdrawnCountries;
}

/** Current countries, sorted by name in the given language. */
export function listCountryOptions(
  locale: CodelistLocale = 'en',
): CodeOption[] {
  const names = countries.getNames(locale, { select: 'official' });

  return Object.entries(names)
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
}
