import type { CodeOption } from './locales';

/**
 * Short option lists and helpers that client components import: nothing here
 * may pull in a codelist with names in several locales.
 */

export const sourceTypeOptions: CodeOption[] = [
  { value: 'primary_source', label: 'Primary source' },
  { value: 'secondary_source', label: 'Secondary source' },
];

export const fileTypeOptions: CodeOption[] = [
  { value: 'activity', label: 'Activity file' },
  { value: 'organisation', label: 'Organisation file' },
];

export const visibilityOptions: CodeOption[] = [
  { value: 'public', label: 'Public' },
  { value: 'private', label: 'Private' },
];

export function withCurrent(
  options: CodeOption[],
  current: string | null | undefined,
): CodeOption[] {
  if (!current || options.some((option) => option.value === current)) {
    return options;
  }

  return [
    { value: current, label: `${current} (no longer listed)` },
    ...options,
  ];
}
