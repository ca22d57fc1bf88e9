import type { EntityCounts, ImportReport } from './load-ckan';
import {
  IMPORT_NOTES,
  SKIP_REASONS,
  type ImportNote,
  type SkipReason,
} from './map-ckan';

function sum(values: Partial<Record<string, number>>): number {
  return Object.values(values).reduce<number>((a, b) => a + (b ?? 0), 0);
}

function formatEntity(label: string, counts: EntityCounts): string[] {
  const lines = [
    `${label}: read ${counts.read}, inserted ${counts.inserted}, ` +
      `updated ${counts.updated}, unchanged ${counts.unchanged}, ` +
      `skipped ${sum(counts.skipped)}`,
  ];
  for (const [reason, count] of Object.entries(counts.skipped)) {
    const examples = counts.skippedExamples[reason as SkipReason] ?? [];
    const more = (count ?? 0) > examples.length ? ', …' : '';
    lines.push(
      `  skipped, ${SKIP_REASONS[reason as SkipReason]}: ${count}` +
        (examples.length ? ` (${examples.join(', ')}${more})` : ''),
    );
  }
  for (const [note, count] of Object.entries(counts.notes)) {
    lines.push(`  note, ${IMPORT_NOTES[note as ImportNote]}: ${count}`);
  }

  return lines;
}

/** The human summary `npm run import` prints. */
export function formatImportReport(report: ImportReport): string {
  return [
    ...formatEntity('Organisations', report.organisations),
    ...formatEntity('Datasets', report.datasets),
    report.auditId === null
      ? 'Nothing changed; no audit row written.'
      : `Audit row ${report.auditId} records this import.`,
  ].join('\n');
}
