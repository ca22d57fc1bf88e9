import type { ReactNode } from 'react';

const tones = {
  error: 'border-red-700 bg-red-50 text-red-950',
  success: 'border-teal-700 bg-teal-50 text-teal-950',
  info: 'border-sky-700 bg-sky-50 text-sky-950',
} as const;

/**
 * A message box. Errors use role=alert so screen readers read them at once;
 * successes and information use role=status, read when the reader is idle.
 */
export function Notice({
  tone,
  title,
  children,
  id,
}: {
  tone: keyof typeof tones;
  title?: string;
  children?: ReactNode;
  id?: string;
}) {
  return (
    <div
      id={id}
      role={tone === 'error' ? 'alert' : 'status'}
      className={`rounded-md border-l-4 p-4 ${tones[tone]}`}
    >
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className={title ? 'mt-1' : ''}>{children}</div> : null}
    </div>
  );
}
