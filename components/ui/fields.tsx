import type { ComponentPropsWithRef, ReactNode } from 'react';

const controlClass =
  'mt-1 block w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-950 focus-visible:outline-3 focus-visible:outline-offset-1 focus-visible:outline-sky-700 aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700 disabled:bg-slate-100';

type FieldFrameProps = {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
};

/** Label, hint and error for one control; ids follow `<id>-hint`/`-error`. */
function FieldFrame({ id, label, hint, error, children }: FieldFrameProps) {
  return (
    <div>
      <label htmlFor={id} className="block font-semibold text-slate-900">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="mt-0.5 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(id: string, hint: unknown, error: unknown) {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null];
  const joined = ids.filter(Boolean).join(' ');

  return joined || undefined;
}

type BaseProps = {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
};

export function TextField({
  id,
  label,
  hint,
  error,
  ...input
}: BaseProps & Omit<ComponentPropsWithRef<'input'>, 'id'>) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={controlClass}
        {...input}
      />
    </FieldFrame>
  );
}

export function TextAreaField({
  id,
  label,
  hint,
  error,
  ...input
}: BaseProps & Omit<ComponentPropsWithRef<'textarea'>, 'id'>) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        rows={4}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={controlClass}
        {...input}
      />
    </FieldFrame>
  );
}

export type SelectOption = { value: string; label: string };

export function SelectField({
  id,
  label,
  hint,
  error,
  options,
  emptyLabel,
  ...select
}: BaseProps & {
  options: SelectOption[];
  /** Offer a "no value" choice with this text. */
  emptyLabel?: string;
} & Omit<ComponentPropsWithRef<'select'>, 'id'>) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={controlClass}
        {...select}
      >
        {emptyLabel !== undefined ? (
          <option value="">{emptyLabel}</option>
        ) : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
