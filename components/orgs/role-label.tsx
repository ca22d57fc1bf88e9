import type { OrgRole } from '@/lib/ryd/permissions';

const labels: Record<OrgRole, string> = {
  admin: 'Admin',
  editor: 'Editor',
  contributor: 'Contributor',
  contributor_pending: 'Awaiting approval',
  provider_admin: 'Provider admin',
  super_admin: 'Superadmin',
};

export function getRoleLabel(role: OrgRole): string {
  return labels[role];
}

const tones: Record<OrgRole, string> = {
  admin: 'bg-teal-100 text-teal-950 border-teal-700',
  editor: 'bg-sky-100 text-sky-950 border-sky-700',
  contributor: 'bg-violet-100 text-violet-950 border-violet-700',
  contributor_pending: 'bg-amber-100 text-amber-950 border-amber-700',
  provider_admin: 'bg-slate-100 text-slate-950 border-slate-600',
  super_admin: 'bg-rose-100 text-rose-950 border-rose-700',
};

export function RoleBadge({ role }: { role: OrgRole }) {
  return (
    <span
      className={`inline-block rounded-full border px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap ${tones[role]}`}
    >
      {labels[role]}
    </span>
  );
}
