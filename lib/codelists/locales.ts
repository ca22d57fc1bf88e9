/** Languages the codelist names are available in. */
export const CODELIST_LOCALES = ['en', 'fr', 'es'] as const;
export type CodelistLocale = (typeof CODELIST_LOCALES)[number];

export type CodeOption = { value: string; label: string };
