import languages from '@cospired/i18n-iso-languages';

/**
 * The IATI Language codes, without the language names: the shared schemas
 * need only these, and importing them keeps the names of every language in
 * three locales out of the browser's bundles.
 */

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
