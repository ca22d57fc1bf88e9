/** Placeholder rows while a list loads; hidden from screen readers. */
export function SkeletonRows({ rows = 5 }: { rows?: number }) {
  return (
    <div aria-hidden="true" className="space-y-3">
      {Array.from({ length: rows }, (_, index) => (
        <div
          key={index}
          className="h-16 animate-pulse rounded-md bg-slate-200"
        />
      ))}
    </div>
  );
}

export function LoadingPage({ label }: { label: string }) {
  return (
    <div>
      <p role="status" className="mb-4 text-slate-700">
        {label}
      </p>
      <div
        aria-hidden="true"
        className="mb-6 h-9 w-2/3 animate-pulse rounded bg-slate-200"
      />
      <SkeletonRows />
    </div>
  );
}
