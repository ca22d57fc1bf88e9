/**
 * Licences a reporting organisation or dataset may name. The ids are the CKAN
 * licence register that the IATI Registry carried over (78 ids known to RYD,
 * plus `gfdl`, which the old Registry offered and real publishers still use).
 * RYD serves this list at GET /api/v1/licences (contract E23).
 *
 * `status` is our own grading, not upstream data: widely used open licences
 * are `preferred`, other open (OKD/OSI) licences `supported`, and closed,
 * non-commercial or unspecified ones `legacy`.
 */

export const LICENCE_STATUSES = ['legacy', 'supported', 'preferred'] as const;
export type LicenceStatus = (typeof LICENCE_STATUSES)[number];

export type Licence = {
  id: string;
  full_label: string;
  short_label: string;
  status: LicenceStatus;
};

const OSI = 'OSI Approved';
const OKD = 'OKD Compliant';
const NON_OKD = 'Non-OKD Compliant';
const OTHER = 'Other';

type LicenceRow = [
  id: string,
  group: string | null,
  label: string,
  status: LicenceStatus,
];

// The cc-by-sa label is garbled upstream; it is kept so that ids and labels
// match what other RYD clients show. `getLicenceLabel` corrects it for people.
const rows: LicenceRow[] = [
  ['notspecified', OTHER, 'License Not Specified', 'legacy'],
  [
    'odc-pddl',
    OKD,
    'Open Data Commons Public Domain Dedication and Licence (PDDL)',
    'preferred',
  ],
  [
    'odc-odbl',
    OKD,
    'Open Data Commons Open Database License (ODbL)',
    'preferred',
  ],
  ['odc-by', OKD, 'Open Data Commons Attribution Licence', 'preferred'],
  ['cc-zero', OKD, 'Creative Commons CCZero', 'preferred'],
  ['cc-by', OKD, 'Creative Commons Attribution', 'preferred'],
  ['cc-by-sa', OKD, 'Creative Commcentation License', 'preferred'],
  ['ukclickusepsi', OKD, 'UK Click Use PSI', 'supported'],
  ['other-open', OKD, 'Other (Open)', 'supported'],
  ['other-pd', OKD, 'Other (Public Domain)', 'supported'],
  ['other-at', OKD, 'Other (Attribution)', 'supported'],
  [
    'ukcrown-withrights',
    OKD,
    'UK Crown Copyright with data.gov.uk rights',
    'supported',
  ],
  [
    'hesa-withrights',
    OKD,
    'Higher Education Statistics Agency Copyright with data.gov.uk rights',
    'supported',
  ],
  [
    'localauth-withrights',
    OKD,
    'Local Authority Copyright with data.gov.uk rights',
    'supported',
  ],
  ['uk-ogl', OKD, 'UK Open Government Licence (OGL)', 'preferred'],
  [
    'met-office-cp',
    NON_OKD,
    'Met Office UK Climate Projections Licence Agreement',
    'legacy',
  ],
  ['cc-nc', NON_OKD, 'Creative Commons Non-Commercial (Any)', 'legacy'],
  ['ukcrown', NON_OKD, 'UK Crown Copyright', 'legacy'],
  ['other-nc', NON_OKD, 'Other (Non-Commercial)', 'legacy'],
  ['other-closed', NON_OKD, 'Other (Not Open)', 'legacy'],
  ['bsd-license', OSI, 'New and Simplified BSD licenses', 'supported'],
  ['gpl-2.0', OSI, 'GNU General Public License (GPL)', 'supported'],
  [
    'gpl-3.0',
    OSI,
    'GNU General Public License version 3.0 (GPLv3)',
    'supported',
  ],
  [
    'lgpl-2.1',
    OSI,
    'GNU Library or "Lesser" General Public License (LGPL)',
    'supported',
  ],
  ['mit-license', OSI, 'MIT license', 'supported'],
  ['afl-3.0', OSI, 'Academic Free License 3.0 (AFL 3.0)', 'supported'],
  ['apl1.0', OSI, 'Adaptive Public License', 'supported'],
  ['apache', OSI, 'Apache Software License', 'supported'],
  ['apache2.0', OSI, 'Apache License, 2.0', 'supported'],
  ['apsl-2.0', OSI, 'Apple Public Source License', 'supported'],
  ['artistic-license-2.0', OSI, 'Artistic license 2.0', 'supported'],
  ['attribution', OSI, 'Attribution Assurance Licenses', 'supported'],
  [
    'ca-tosl1.1',
    OSI,
    'Computer Associates Trusted Open Source License 1.1',
    'supported',
  ],
  ['cddl1', OSI, 'Common Development and Distribution License', 'supported'],
  [
    'cpal_1.0',
    OSI,
    'Common Public Attribution License 1.0 (CPAL)',
    'supported',
  ],
  ['cuaoffice', OSI, 'CUA Office Public License Version 1.0', 'supported'],
  ['eudatagrid', OSI, 'EU DataGrid Software License', 'supported'],
  ['eclipse-1.0', OSI, 'Eclipse Public License', 'supported'],
  ['ecl2', OSI, 'Educational Community License, Version 2.0', 'supported'],
  ['eiffel', OSI, 'Eiffel Forum License', 'supported'],
  ['ver2_eiffel', OSI, 'Eiffel Forum License V2.0', 'supported'],
  ['entessa', OSI, 'Entessa Public License', 'supported'],
  ['fair', OSI, 'Fair License', 'supported'],
  ['frameworx', OSI, 'Frameworx License', 'supported'],
  ['ibmpl', OSI, 'IBM Public License', 'supported'],
  ['intel-osl', OSI, 'Intel Open Source License', 'supported'],
  ['jabber-osl', OSI, 'Jabber Open Source License', 'supported'],
  ['lucent-plan9', OSI, 'Lucent Public License (Plan9)', 'supported'],
  ['lucent1.02', OSI, 'Lucent Public License Version 1.02', 'supported'],
  [
    'mitre',
    OSI,
    'MITRE Collaborative Virtual Workspace License (CVW License)',
    'supported',
  ],
  ['motosoto', OSI, 'Motosoto License', 'supported'],
  ['mozilla', OSI, 'Mozilla Public License 1.0 (MPL)', 'supported'],
  ['mozilla1.1', OSI, 'Mozilla Public License 1.1 (MPL)', 'supported'],
  ['nasa1.3', OSI, 'NASA Open Source Agreement 1.3', 'supported'],
  ['naumen', OSI, 'Naumen Public License', 'supported'],
  ['nethack', OSI, 'Nethack General Public License', 'supported'],
  ['nokia', OSI, 'Nokia Open Source License', 'supported'],
  ['oclc2', OSI, 'OCLC Research Public License 2.0', 'supported'],
  ['opengroup', OSI, 'Open Group Test Suite License', 'supported'],
  ['osl-3.0', OSI, 'Open Software License 3.0 (OSL 3.0)', 'supported'],
  ['php', OSI, 'PHP License', 'supported'],
  ['pythonpl', OSI, 'Python license', 'supported'],
  [
    'PythonSoftFoundation',
    OSI,
    'Python Software Foundation License',
    'supported',
  ],
  ['qtpl', OSI, 'Qt Public License (QPL)', 'supported'],
  ['real', OSI, 'RealNetworks Public Source License V1.0', 'supported'],
  ['rpl1.5', OSI, 'Reciprocal Public License 1.5 (RPL1.5)', 'supported'],
  ['ricohpl', OSI, 'Ricoh Source Code Public License', 'supported'],
  ['sleepycat', OSI, 'Sleepycat License', 'supported'],
  [
    'sun-issl',
    OSI,
    'Sun Industry Standards Source License (SISSL)',
    'supported',
  ],
  ['sunpublic', OSI, 'Sun Public License', 'supported'],
  ['sybase', OSI, 'Sybase Open Watcom Public License 1.0', 'supported'],
  [
    'UoI-NCSA',
    OSI,
    'University of Illinois/NCSA Open Source License',
    'supported',
  ],
  ['vovidapl', OSI, 'Vovida Software License v. 1.0', 'supported'],
  ['W3C', OSI, 'W3C License', 'supported'],
  ['wxwindows', OSI, 'wxWindows Library License', 'supported'],
  ['xnet', OSI, 'X.Net License', 'supported'],
  ['zpl', OSI, 'Zope Public License', 'supported'],
  ['zlib-license', OSI, 'zlib/libpng license', 'supported'],
  ['gfdl', null, 'GNU Free Documentation License', 'legacy'],
];

export const licences: Licence[] = rows.map(([id, group, label, status]) => ({
  id,
  full_label: group ? `${group}::${label}` : label,
  short_label: label,
  status,
}));

const readableLabels: Record<string, string> = {
  'cc-by-sa': 'Creative Commons Attribution Share-Alike',
};

const licencesById = new Map(licences.map((licence) => [licence.id, licence]));

export function findLicence(id: string): Licence | undefined {
  return licencesById.get(id);
}

/** The name to show a person; unknown ids are shown as they are. */
export function getLicenceLabel(id: string): string {
  return readableLabels[id] ?? licencesById.get(id)?.short_label ?? id;
}

/** Preferred licences first, then the rest, each group by label. */
export function listLicenceOptions(): { value: string; label: string }[] {
  const rank: Record<LicenceStatus, number> = {
    preferred: 0,
    supported: 1,
    legacy: 2,
  };

  return [...licences]
    .sort(
      (a, b) =>
        rank[a.status] - rank[b.status] ||
        getLicenceLabel(a.id).localeCompare(getLicenceLabel(b.id), 'en'),
    )
    .map((licence) => ({
      value: licence.id,
      label: getLicenceLabel(licence.id),
    }));
}
