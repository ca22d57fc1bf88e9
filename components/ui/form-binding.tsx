import type { FieldPath, FieldValues, UseFormReturn } from 'react-hook-form';

import { Notice } from './notice';

/**
 * Binds the field components to one react-hook-form form: `field(name)`
 * gives a control its id (`<idPrefix>-<name>`), its error message and its
 * registration.
 */
export function bindFields<T extends FieldValues, Output>(
  form: UseFormReturn<T, unknown, Output>,
  idPrefix: string,
) {
  return (name: FieldPath<T>) => ({
    id: `${idPrefix}-${name}`,
    error: form.formState.errors[name]?.message?.toString(),
    ...form.register(name),
  });
}

/** Above a form with field errors: says where to look. */
export function FieldErrorSummary({ count }: { count: number }) {
  if (count === 0) return null;

  return (
    <Notice tone="error">
      <p>Some fields need attention. The problems are shown under them.</p>
    </Notice>
  );
}
