import { getLanguageName } from '@/lib/codelists/languages';
import { getLicenceLabel } from '@/lib/codelists/licences';
import {
  fileTypeOptions,
  sourceTypeOptions,
} from '@/lib/codelists/form-options';
import type { DatasetRead } from '@/lib/ryd/schemas';
import { formatDate } from '@/components/orgs/org-details';
import { VisibilityBadge } from './visibility-badge';

const actionLabels: Record<string, string> = {
  create: 'Created',
  update_metadata: 'Details changed',
  update_url: 'Source URL changed',
  change_visibility: 'Visibility changed',
  delete: 'Deleted',
};

function labelOf(options: { value: string; label: string }[], value: string) {
  return options.find((option) => option.value === value)?.label ?? value;
}

export function DatasetDetails({ dataset }: { dataset: DatasetRead }) {
  const { metadata } = dataset;
  const actions = dataset.actions.length
    ? dataset.actions
    : (dataset.dataset_actions ?? []);
  const rows: [string, React.ReactNode][] = [
    ['Short name', metadata.short_name],
    [
      'Source URL',
      metadata.url ? (
        /^https?:\/\//i.test(metadata.url) ? (
          <a
            href={metadata.url}
            rel="noopener noreferrer"
            className="break-all text-teal-800 underline"
          >
            {metadata.url}
          </a>
        ) : (
          metadata.url
        )
      ) : null,
    ],
    [
      'File type',
      metadata.file_type ? labelOf(fileTypeOptions, metadata.file_type) : null,
    ],
    ['Language', getLanguageName(metadata.language)],
    [
      'Source type',
      metadata.source_type
        ? labelOf(sourceTypeOptions, metadata.source_type)
        : null,
    ],
    [
      'Licence',
      metadata.licence_id ? getLicenceLabel(metadata.licence_id) : null,
    ],
    [
      'Visibility',
      <VisibilityBadge key="v" visibility={metadata.visibility} />,
    ],
    ['Source URL last changed', formatDate(metadata.last_url_update_date)],
    ['Details last changed', formatDate(metadata.last_metadata_update_date)],
  ];

  return (
    <>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-4 sm:grid-cols-[minmax(0,14rem)_minmax(0,1fr)]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-semibold text-slate-800">{label}</dt>
            <dd className="-mt-3 break-words sm:mt-0">
              {value ?? <span className="text-slate-600">Not given</span>}
            </dd>
          </div>
        ))}
      </dl>
      {actions.length > 0 ? (
        <div className="mt-8">
          <h3 className="text-lg font-semibold">History</h3>
          <ol className="mt-2 space-y-2">
            {actions.slice(0, 20).map((action) => (
              <li key={action.id} className="text-sm">
                <span className="font-medium">
                  {actionLabels[action.action_type] ?? 'Changed'}
                </span>
                {action.user_name ? ` by ${action.user_name}` : ''}
                {action.user_application_name
                  ? ` using ${action.user_application_name}`
                  : ''}
                {action.created_date
                  ? `, ${formatDate(action.created_date)}`
                  : ''}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </>
  );
}
