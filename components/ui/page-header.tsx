import type { ReactNode } from 'react';

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
    <div className="mb-6 flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
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
      {actions ? (
        <div className="flex flex-wrap gap-3 sm:shrink-0">{actions}</div>
      ) : null}
    </div>
  );
}
