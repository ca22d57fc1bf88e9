import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  getCountryName,
  isWithdrawnCountry,
  listCountryCodes,
  listCountryOptions,
} from './countries';
import {
  getLanguageName,
  listLanguageCodes,
  listLanguageOptions,
} from './languages';
import { getLicenceLabel, licences, listLicenceOptions } from './licences';
import { CODELIST_LOCALES } from './locales';
import { organisationTypes } from './organisation-types';
import { regions } from './regions';

// The published IATI codelists sit beside the repository, not in it.
const codelistDir = fileURLToPath(
  new URL('../../../shared/data/iati-codelists/', import.meta.url),
);

type CodelistFile = {
  data: { code: string; name: string | null; status: string }[];
};
type LicenceFile = {
  data: { id: string; full_label: string; short_label: string }[];
};

function readCodelist<T>(name: string): T {
  return JSON.parse(readFileSync(`${codelistDir}${name}.json`, 'utf8')) as T;
}

describe.runIf(existsSync(codelistDir))('codelists against IATI', () => {
  it('has every organisation type with the same name and status', () => {
    const iati = readCodelist<CodelistFile>('OrganisationType').data;

    expect(organisationTypes).toEqual(
      iati.map(({ code, name, status }) => ({ code, name, status })),
    );
  });

  it('has every region with the same name and status', () => {
    const iati = readCodelist<CodelistFile>('Region').data;

    expect(regions).toEqual(
      iati.map(({ code, name, status }) => ({ code, name, status })),
    );
  });

  it('has every licence with the same labels', () => {
    const iati = readCodelist<LicenceFile>('Licences').data;
    const ours = new Map(licences.map((licence) => [licence.id, licence]));

    for (const licence of iati) {
      expect(ours.get(licence.id)).toMatchObject({
        full_label: licence.full_label,
        short_label: licence.short_label,
      });
    }
    expect(licences).toHaveLength(iati.length);
  });

  it('names every active IATI country, and only differs on withdrawn ones', () => {
    const iati = readCodelist<CodelistFile>('Country').data;
    const ours = new Set(listCountryCodes());

    const missing = iati.filter((country) => !ours.has(country.code));
    expect(missing.map((country) => [country.code, country.status])).toEqual([
      ['AN', 'withdrawn'],
    ]);
    for (const country of missing) {
      expect(isWithdrawnCountry(country.code)).toBe(true);
      for (const locale of CODELIST_LOCALES) {
        expect(getCountryName(country.code, locale)).not.toBe(country.code);
      }
    }
    const iatiCodes = new Set(iati.map((country) => country.code));
    expect([...ours].filter((code) => !iatiCodes.has(code))).toEqual([]);
  });

  it('offers exactly the IATI language codes', () => {
    const iati = readCodelist<CodelistFile>('Language').data;

    expect(new Set(listLanguageCodes())).toEqual(
      new Set(iati.map((language) => language.code)),
    );
  });
});

describe('codelist names', () => {
  it.each([
    ['GB', 'en', 'United Kingdom'],
    ['GB', 'fr', 'Royaume-Uni'],
    ['GB', 'es', 'Reino Unido'],
    ['lv', 'en', 'Latvia'],
  ] as const)('names country %s in %s', (code, locale, name) => {
    expect(getCountryName(code, locale)).toBe(name);
  });

  it.each([
    ['fr', 'en', 'French'],
    ['es', 'fr', 'Espagnol'],
    ['de', 'es', 'Alemán'],
  ] as const)('names language %s in %s', (code, locale, name) => {
    expect(getLanguageName(code, locale)).toBe(name);
  });

  it('shows unknown codes as they are and nothing for empty values', () => {
    expect(getCountryName('ZZ')).toBe('ZZ');
    expect(getCountryName('')).toBeNull();
    expect(getLanguageName('qq')).toBe('qq');
  });

  it('sorts country and language options by name with unique values', () => {
    for (const locale of CODELIST_LOCALES) {
      for (const options of [
        listCountryOptions(locale),
        listLanguageOptions(locale),
      ]) {
        const labels = options.map((option) => option.label);
        expect(labels).toEqual(
          [...labels].sort((a, b) => a.localeCompare(b, locale)),
        );
        expect(new Set(options.map((o) => o.value)).size).toBe(options.length);
      }
    }
    expect(listCountryOptions().some((o) => o.value === 'AN')).toBe(false);
  });

  it('lists preferred licences first and shows cc-by-sa readably', () => {
    const options = listLicenceOptions();

    expect(options).toHaveLength(licences.length);
    expect(getLicenceLabel('cc-by-sa')).toBe(
      'Creative Commons Attribution Share-Alike',
    );
    const preferred = licences.filter((l) => l.status === 'preferred');
    expect(
      options
        .slice(0, preferred.length)
        .map((o) => o.value)
        .sort(),
    ).toEqual(preferred.map((l) => l.id).sort());
    expect(getLicenceLabel('not-a-licence')).toBe('not-a-licence');
  });
});
