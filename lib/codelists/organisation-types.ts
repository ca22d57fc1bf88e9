/**
 * IATI OrganisationType codes (a complete, non-embedded IATI codelist). RYD
 * stores the code in `organisation_type` without checking it, so the edit
 * form offers exactly these.
 */

export type CodelistStatus = 'active' | 'withdrawn';

export type OrganisationType = {
  code: string;
  name: string;
  status: CodelistStatus;
};

export const organisationTypes: OrganisationType[] = [
  { code: '10', name: 'Government', status: 'active' },
  { code: '11', name: 'Local Government', status: 'active' },
  { code: '15', name: 'Other Public Sector', status: 'active' },
  { code: '21', name: 'International NGO', status: 'active' },
  { code: '22', name: 'National NGO', status: 'active' },
  { code: '23', name: 'Regional NGO', status: 'active' },
  { code: '24', name: 'Partner Country based NGO', status: 'active' },
  { code: '30', name: 'Public Private Partnership', status: 'active' },
  { code: '40', name: 'Multilateral', status: 'active' },
  { code: '60', name: 'Foundation', status: 'active' },
  { code: '70', name: 'Private Sector', status: 'active' },
  { code: '71', name: 'Private Sector in Provider Country', status: 'active' },
  {
    code: '72',
    name: 'Private Sector in Aid Recipient Country',
    status: 'active',
  },
  { code: '73', name: 'Private Sector in Third Country', status: 'active' },
  { code: '80', name: 'Academic, Training and Research', status: 'active' },
  { code: '90', name: 'Other', status: 'active' },
];

/** The name to show; a code outside the codelist is shown as it is. */
export function getOrganisationTypeName(code: string | null | undefined) {
  if (!code) return null;

  return organisationTypes.find((type) => type.code === code)?.name ?? code;
}
