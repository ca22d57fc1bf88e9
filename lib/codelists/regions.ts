import type { CodelistStatus } from './organisation-types';

/** IATI Region codes (supranational regions), the values of `region`. */
export type Region = { code: string; name: string; status: CodelistStatus };

export const regions: Region[] = [
  { code: '88', name: 'States Ex-Yugoslavia unspecified', status: 'active' },
  { code: '89', name: 'Europe, regional', status: 'active' },
  { code: '189', name: 'North of Sahara, regional', status: 'active' },
  { code: '289', name: 'South of Sahara, regional', status: 'active' },
  { code: '298', name: 'Africa, regional', status: 'active' },
  { code: '380', name: 'West Indies, regional', status: 'withdrawn' },
  {
    code: '389',
    name: 'Caribbean & Central America, regional',
    status: 'active',
  },
  { code: '489', name: 'South America, regional', status: 'active' },
  { code: '498', name: 'America, regional', status: 'active' },
  { code: '589', name: 'Middle East, regional', status: 'active' },
  { code: '619', name: 'Central Asia, regional', status: 'active' },
  { code: '679', name: 'South Asia, regional', status: 'active' },
  { code: '689', name: 'South & Central Asia, regional', status: 'active' },
  { code: '789', name: 'Far East Asia, regional', status: 'active' },
  { code: '798', name: 'Asia, regional', status: 'active' },
  { code: '889', name: 'Oceania, regional', status: 'active' },
  { code: '998', name: 'Developing countries, unspecified', status: 'active' },
  { code: '1027', name: 'Eastern Africa, regional', status: 'active' },
  { code: '1028', name: 'Middle Africa, regional', status: 'active' },
  { code: '1029', name: 'Southern Africa, regional', status: 'active' },
  { code: '1030', name: 'Western Africa, regional', status: 'active' },
  { code: '1031', name: 'Caribbean, regional', status: 'active' },
  { code: '1032', name: 'Central America, regional', status: 'active' },
  { code: '1033', name: 'Melanesia, regional', status: 'active' },
  { code: '1034', name: 'Micronesia, regional', status: 'active' },
  { code: '1035', name: 'Polynesia, regional', status: 'active' },
];

export function getRegionName(code: string | null | undefined) {
  if (!code) return null;

  return regions.find((region) => region.code === code)?.name ?? code;
}
