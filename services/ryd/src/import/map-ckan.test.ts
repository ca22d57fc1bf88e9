import { describe, expect, it } from 'vitest';

import {
  mapDataset,
  mapOrganisation,
  parseCkanDate,
  toRydId,
  uuidV5,
} from './map-ckan';

const ORG_ID = 'a261b426-02b9-4cb6-b08e-496e634e0cff';
const DATASET_ID = 'ebf26578-9bc5-41dd-9b16-9d9ea28cdf0c';

function ckanOrg(overrides: Record<string, unknown> = {}) {
  return {
    id: ORG_ID,
    name: '1-uz',
    title: 'University Of Zimbabwe',
    state: 'active',
    license_id: 'odc-pddl',
    package_count: 2,
    publisher_iati_id: 'XI-GRID-grid.13001.33',
    publisher_country: 'ZW',
    publisher_organization_type: '80',
    publisher_description: 'Conducts studies.',
    publisher_first_publish_date: '2019-01-29T00:00:00+00:00',
    publisher_source_type: null,
    tags: [],
    historical_publisher_names: [
      { id: ORG_ID, old_name: 'uzchsctrc', activity_recorded_at: null },
    ],
    ...overrides,
  };
}

function ckanPackage(overrides: Record<string, unknown> = {}) {
  return {
    id: DATASET_ID,
    name: '1-uz-org',
    title: '1-uz-org',
    license_id: 'odc-pddl',
    owner_org: ORG_ID,
    private: false,
    state: 'active',
    extras: [
      { key: 'filetype', value: 'organisation' },
      { key: 'language', value: null },
      { key: 'country', value: null },
    ],
    resources: [
      {
        url: 'https://example.org/1-uz-org.xml',
        created: '2019-03-31T00:00:00',
        metadata_modified: '2019-11-30T00:00:00',
      },
    ],
    publisher_source_type: '',
    metadata_created: '2019-03-31T00:00:00',
    metadata_modified: '2019-11-30T00:00:00',
    ...overrides,
  };
}

const knownOwner = (id: string) => (id === ORG_ID ? id : null);

describe('mapOrganisation', () => {
  it('maps the CKAN fields to the RYD organisation model', () => {
    const mapped = mapOrganisation(ckanOrg());

    expect(mapped).toEqual({
      ok: true,
      notes: [],
      value: {
        id: ORG_ID,
        shortName: '1-uz',
        humanReadableName: 'University Of Zimbabwe',
        organisationIdentifier: 'XI-GRID-grid.13001.33',
        organisationType: '80',
        hqCountry: 'ZW',
        defaultLicenceId: 'odc-pddl',
        description: 'Conducts studies.',
        reportingSourceType: null,
        firstPublicationDate: '2019-01-29T00:00:00+00:00',
        numberOfPublishedDatasets: 2,
        registryApproved: true,
        formerShortNames: ['uzchsctrc'],
      },
    });
  });

  it('stores an empty licence, organisation type or country as no value', () => {
    const mapped = mapOrganisation(
      ckanOrg({
        license_id: '',
        publisher_organization_type: '',
        publisher_country: null,
        publisher_description: '',
      }),
    );

    expect(mapped.ok && mapped.value).toMatchObject({
      defaultLicenceId: null,
      organisationType: null,
      hqCountry: null,
      description: null,
    });
  });

  it('treats a null organisation type and licence like empty ones', () => {
    const mapped = mapOrganisation(
      ckanOrg({ license_id: null, publisher_organization_type: null }),
    );

    expect(mapped.ok && mapped.value).toMatchObject({
      defaultLicenceId: null,
      organisationType: null,
    });
  });

  it('trims a trailing no-break space from the identifier, keeps inner text', () => {
    const trailing = mapOrganisation(
      ckanOrg({ publisher_iati_id: 'US-EIN-13-3615533\u00a0' }),
    );
    const inner = mapOrganisation(
      ckanOrg({ publisher_iati_id: 'KH-TIN- K009-100090427' }),
    );

    expect(trailing.ok && trailing.value.organisationIdentifier).toBe(
      'US-EIN-13-3615533',
    );
    expect(inner.ok && inner.value.organisationIdentifier).toBe(
      'KH-TIN- K009-100090427',
    );
  });

  it('lower-cases an upper-case short name and notes it', () => {
    const mapped = mapOrganisation(ckanOrg({ name: 'IFS' }));

    expect(mapped).toMatchObject({
      ok: true,
      notes: ['short-name-lower-cased'],
      value: { shortName: 'ifs' },
    });
  });

  it('refuses a short name that lower-casing cannot make valid', () => {
    const mapped = mapOrganisation(ckanOrg({ name: 'aid agency' }));

    expect(mapped).toMatchObject({ ok: false, reason: 'invalid-short-name' });
  });

  it('refuses a record without an id or name as malformed', () => {
    expect(mapOrganisation({ name: 'x' })).toMatchObject({
      ok: false,
      reason: 'malformed-record',
    });
    expect(mapOrganisation('not an object')).toMatchObject({
      ok: false,
      reason: 'malformed-record',
    });
  });

  it('refuses an organisation CKAN has deleted', () => {
    expect(mapOrganisation(ckanOrg({ state: 'deleted' }))).toMatchObject({
      ok: false,
      reason: 'deleted-in-ckan',
    });
  });

  it('marks an organisation not yet active as not approved', () => {
    const mapped = mapOrganisation(ckanOrg({ state: 'pending' }));

    expect(mapped.ok && mapped.value.registryApproved).toBe(false);
  });

  it('uses the short name when the title is empty', () => {
    const mapped = mapOrganisation(ckanOrg({ title: ' ' }));

    expect(mapped).toMatchObject({
      ok: true,
      notes: ['title-from-short-name'],
      value: { humanReadableName: '1-uz' },
    });
  });

  it('keeps only valid former names that differ from the current one', () => {
    const mapped = mapOrganisation(
      ckanOrg({
        historical_publisher_names: [
          { old_name: 'old-one' },
          { old_name: '1-uz' },
          { old_name: 'Not Valid' },
          { old_name: 'old-one' },
        ],
      }),
    );

    expect(mapped.ok && mapped.value.formerShortNames).toEqual(['old-one']);
  });

  it('keeps an upper-case UUID as the lower-case id', () => {
    const mapped = mapOrganisation(ckanOrg({ id: ORG_ID.toUpperCase() }));

    expect(mapped.ok && mapped.value.id).toBe(ORG_ID);
  });
});

describe('mapDataset', () => {
  it('maps a CKAN package and its resource to a RYD dataset', () => {
    const mapped = mapDataset(ckanPackage(), knownOwner);

    expect(mapped).toEqual({
      ok: true,
      notes: [],
      value: {
        id: DATASET_ID,
        ownerOrgId: ORG_ID,
        shortName: '1-uz-org',
        title: '1-uz-org',
        url: 'https://example.org/1-uz-org.xml',
        visibility: 'public',
        licenceId: 'odc-pddl',
        sourceType: '',
        fileType: 'organisation',
        language: null,
        country: null,
        createdAt: new Date('2019-03-31T00:00:00Z'),
        lastUrlUpdateDate: new Date('2019-11-30T00:00:00Z'),
        lastMetadataUpdateDate: new Date('2019-11-30T00:00:00Z'),
      },
    });
  });

  it('maps a private package to a private dataset', () => {
    const mapped = mapDataset(ckanPackage({ private: true }), knownOwner);

    expect(mapped.ok && mapped.value.visibility).toBe('private');
  });

  it('skips a package without an owner', () => {
    const mapped = mapDataset(
      ckanPackage({ owner_org: null, license_id: null, organization: null }),
      knownOwner,
    );

    expect(mapped).toMatchObject({
      ok: false,
      reason: 'dataset-without-owner',
    });
  });

  it('skips a package whose owner organisation is unknown', () => {
    const mapped = mapDataset(
      ckanPackage({ owner_org: '00000000-0000-4000-8000-000000000000' }),
      knownOwner,
    );

    expect(mapped).toMatchObject({ ok: false, reason: 'owner-org-not-found' });
  });

  it('stores a null licence as "" like legacy RYD datasets', () => {
    const mapped = mapDataset(ckanPackage({ license_id: null }), knownOwner);

    expect(mapped.ok && mapped.value.licenceId).toBe('');
  });

  it('reads language and country extras and ignores unknown file types', () => {
    const mapped = mapDataset(
      ckanPackage({
        extras: [
          { key: 'filetype', value: 'something-else' },
          { key: 'language', value: 'fr' },
          { key: 'country', value: 'SN' },
        ],
      }),
      knownOwner,
    );

    expect(mapped.ok && mapped.value).toMatchObject({
      fileType: null,
      language: 'fr',
      country: 'SN',
    });
  });

  it.each([
    ['fr', 'fr', []],
    [' EN ', 'en', []],
    ['Es', 'es', []],
    ['', null, []],
    [null, null, []],
    ['English', null, ['language-dropped']],
    ['eng', null, ['language-dropped']],
    ['xx', null, ['language-dropped']],
    ['en-GB', null, ['language-dropped']],
    ['cu', null, ['language-dropped']],
  ])('imports the language extra %j as %j', (value, language, notes) => {
    const mapped = mapDataset(
      ckanPackage({
        extras: [
          { key: 'filetype', value: 'activity' },
          { key: 'language', value },
        ],
      }),
      knownOwner,
    );

    expect(mapped).toMatchObject({ ok: true, notes, value: { language } });
  });

  it('falls back to the creation date when the URL never changed', () => {
    const mapped = mapDataset(
      ckanPackage({
        resources: [
          { url: 'https://example.org/a.xml', metadata_modified: null },
        ],
        metadata_modified: null,
      }),
      knownOwner,
    );

    expect(mapped.ok && mapped.value).toMatchObject({
      lastUrlUpdateDate: new Date('2019-03-31T00:00:00Z'),
      lastMetadataUpdateDate: null,
    });
  });

  it('leaves dates unknown when CKAN has none', () => {
    const mapped = mapDataset(
      ckanPackage({
        metadata_created: null,
        metadata_modified: null,
        resources: [{ url: 'https://example.org/a.xml', created: '' }],
      }),
      knownOwner,
    );

    expect(mapped.ok && mapped.value).toMatchObject({
      createdAt: null,
      lastUrlUpdateDate: null,
      lastMetadataUpdateDate: null,
    });
  });

  it('skips a package CKAN has deleted', () => {
    const mapped = mapDataset(ckanPackage({ state: 'deleted' }), knownOwner);

    expect(mapped).toMatchObject({ ok: false, reason: 'deleted-in-ckan' });
  });

  it('derives a stable UUID for a non-UUID id and owner reference', () => {
    const owner = toRydId('legacy-org-7').id;
    const first = mapDataset(
      ckanPackage({ id: 'legacy-7', owner_org: 'legacy-org-7' }),
      (id) => (id === owner ? id : null),
    );
    const again = mapDataset(
      ckanPackage({ id: 'legacy-7', owner_org: 'legacy-org-7' }),
      (id) => (id === owner ? id : null),
    );

    expect(first).toMatchObject({ ok: true, notes: ['id-derived'] });
    expect(first.ok && first.value.ownerOrgId).toBe(owner);
    expect(first.ok && again.ok && first.value.id === again.value.id).toBe(
      true,
    );
    expect(first.ok && first.value.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});

describe('uuidV5', () => {
  it('matches the RFC 9562 example for the DNS namespace', () => {
    // RFC 9562 appendix A.4: "www.example.com" in the DNS namespace.
    expect(
      uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'),
    ).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
});

describe('parseCkanDate', () => {
  it('reads CKAN timestamps without an offset as UTC', () => {
    expect(parseCkanDate('2019-03-31T00:00:00')?.toISOString()).toBe(
      '2019-03-31T00:00:00.000Z',
    );
    expect(parseCkanDate('2019-03-31T02:00:00+02:00')?.toISOString()).toBe(
      '2019-03-31T00:00:00.000Z',
    );
  });

  it('returns null for empty or unreadable dates', () => {
    expect(parseCkanDate('')).toBeNull();
    expect(parseCkanDate(null)).toBeNull();
    expect(parseCkanDate('last spring')).toBeNull();
  });
});
