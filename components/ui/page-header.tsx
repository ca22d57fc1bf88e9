import type { ReactNode } from 'react';

/**
 * Title, then description, then actions on their own row: pages with many
 * actions keep a title that does not wrap at wide widths.
 */
export function PageHeader({
  title,
  description,
  actions,
  eyebrow,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  eyebrow?: ReactNode;
}) {
  return (
    <div className="mb-6 flex flex-col gap-4">
      <div className="min-w-0">
        {eyebrow ? (
          <div className="mb-1 text-sm text-slate-600">{eyebrow}</div>
        ) : null}
        <h1 className="text-2xl font-bold break-words text-slate-950 sm:text-3xl">
          {title}
        </h1>
        {description ? (
          <div className="mt-2 text-slate-700">{description}</div>
        ) : null}
      </div>
      {actions ? <div className="flex flex-wrap gap-3">{actions}</div> : null}
    </div>
  );
}
