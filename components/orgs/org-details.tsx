import { getCountryName } from '@/lib/codelists/countries';
import { getLicenceLabel } from '@/lib/codelists/licences';
import { getOrganisationTypeName } from '@/lib/codelists/organisation-types';
import { getRegionName } from '@/lib/codelists/regions';
import type { OrgMetadata } from '@/lib/ryd/schemas';

const sourceTypes: Record<string, string> = {
  primary_source: 'Primary source',
  secondary_source: 'Secondary source',
};

function formatDate(value: string | null) {
  if (!value) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;

  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

function ExternalLink({ href }: { href: string }) {
  // Only web addresses become links; anything else is shown as text.
  if (!/^https?:\/\//i.test(href)) return <>{href}</>;

  return (
    <a
      href={href}
      rel="noopener noreferrer"
      className="break-all text-teal-800 underline"
    >
      {href}
    </a>
  );
}

export function OrgDetails({ metadata }: { metadata: OrgMetadata }) {
  const rows: [string, React.ReactNode][] = [
    ['Short name', metadata.short_name],
    ['IATI organisation identifier', metadata.organisation_identifier],
    ['Organisation type', getOrganisationTypeName(metadata.organisation_type)],
    ['Headquarters country', getCountryName(metadata.hq_country)],
    ['Region', getRegionName(metadata.region)],
    [
      'Default licence',
      metadata.default_licence_id
        ? getLicenceLabel(metadata.default_licence_id)
        : null,
    ],
    [
      'Reporting source type',
      metadata.reporting_source_type
        ? (sourceTypes[metadata.reporting_source_type] ??
          metadata.reporting_source_type)
        : null,
    ],
    [
      'Website',
      metadata.website ? <ExternalLink href={metadata.website} /> : null,
    ],
    [
      'Data portal',
      metadata.data_portal_url ? (
        <ExternalLink href={metadata.data_portal_url} />
      ) : null,
    ],
    [
      'Exclusions policy',
      metadata.exclusions_policy_url ? (
        <ExternalLink href={metadata.exclusions_policy_url} />
      ) : null,
    ],
    ['Contact e-mail', metadata.contact_email],
    ['Phone', metadata.phone],
    ['Fax', metadata.fax],
    ['Address', metadata.address],
    ['First published', formatDate(metadata.first_publication_date)],
    ['Created', formatDate(metadata.created_date)],
  ];

  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-4 sm:grid-cols-[minmax(0,14rem)_minmax(0,1fr)]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-semibold text-slate-800">{label}</dt>
          <dd className="-mt-3 break-words text-slate-900 sm:mt-0">
            {value ?? <span className="text-slate-600">Not given</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export { formatDate };
