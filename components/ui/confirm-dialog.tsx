'use client';

import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';

/**
 * A modal built on <dialog>: the browser keeps focus inside it, Escape closes
 * it, and focus returns to the control that opened it.
 */
export function ConfirmDialog({
  open,
  title,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby="confirm-dialog-title"
      onClose={onClose}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg p-0 shadow-xl backdrop:bg-slate-950/60"
    >
      <div className="p-6">
        <h2
          id="confirm-dialog-title"
          className="text-xl font-bold text-slate-950"
        >
          {title}
        </h2>
        <div className="mt-3">{children}</div>
      </div>
    </dialog>
  );
}
