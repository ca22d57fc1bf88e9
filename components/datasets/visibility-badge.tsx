export function VisibilityBadge({ visibility }: { visibility: string }) {
  const isPublic = visibility === 'public';

  return (
    <span
      className={`inline-block rounded-full border px-2.5 py-0.5 text-xs font-semibold ${
        isPublic
          ? 'border-teal-700 bg-teal-50 text-teal-950'
          : 'border-slate-600 bg-slate-100 text-slate-900'
      }`}
    >
      {isPublic
        ? 'Public'
        : visibility === 'private'
          ? 'Private'
          : 'Unknown visibility'}
    </span>
  );
}
