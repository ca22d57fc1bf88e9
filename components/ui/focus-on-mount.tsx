'use client';

import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';

/**
 * Moves focus (and so the view) to a message that appears after a submit,
 * such as a form-level error above a long form. Give it a new `key` for each
 * attempt so that a repeated failure is brought into view again.
 */
export function FocusOnMount({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    ref.current?.focus();
  }, []);

  return (
    <div ref={ref} tabIndex={-1} className="outline-none">
      {children}
    </div>
  );
}
