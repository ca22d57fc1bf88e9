'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { RoleBadge, getRoleLabel } from '@/components/orgs/role-label';
import { buttonStyles } from '@/components/ui/button-styles';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FailureNotice } from '@/components/ui/failure-notice';
import { Notice } from '@/components/ui/notice';
import { SkeletonRows } from '@/components/ui/skeleton';
import { BffError, callBff } from '@/lib/query/bff-client';
import { queryKeys } from '@/lib/query/keys';
import type { OrgMembersPayload } from '@/lib/query/payloads';
import { useViewerId } from '@/lib/query/query-provider';
import { ASSIGNABLE_ROLES } from '@/lib/ryd/permissions';
import type { AssignableRole } from '@/lib/ryd/permissions';
import type { OrgUser } from '@/lib/ryd/schemas';
import { describeRole } from './permission-text';
import { describeMemberFailure } from './refusal-text';

type Change =
  | { kind: 'role'; member: OrgUser; role: AssignableRole }
  | { kind: 'approve'; member: OrgUser; role: AssignableRole }
  | { kind: 'remove'; member: OrgUser };

const roleSentence: Record<AssignableRole, string> = {
  admin: 'an admin',
  editor: 'an editor',
  contributor: 'a contributor',
};

function toEtag(member: OrgUser): string | null {
  return member.version === undefined ? null : `"${member.version}"`;
}

function memberPath(oid: string, uid: string) {
  return `/api/bff/orgs/${oid}/members/${uid}`;
}

function describeDone(change: Change): string {
  const name = change.member.name;
  if (change.kind === 'remove') {
    return change.member.role === 'contributor_pending'
      ? `The request from ${name} was rejected.`
      : `${name} was removed from the organisation.`;
  }
  if (change.kind === 'approve') {
    return `${name} joined the organisation as ${roleSentence[change.role]}.`;
  }

  return `${name} is now ${roleSentence[change.role]}.`;
}

/**
 * Members and join requests of an organisation. Controls appear only for
 * people whose role has `set-org-user-authz`; RYD refuses the rest anyway.
 */
export function MemberManager({
  oid,
  canManage,
}: {
  oid: string;
  canManage: boolean;
}) {
  const viewerId = useViewerId();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [pendingChange, setPendingChange] = useState<Change | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const membersKey = queryKeys.orgMembers(viewerId, oid);

  const query = useQuery({
    queryKey: membersKey,
    queryFn: ({ signal }) =>
      callBff<OrgMembersPayload>(`/api/bff/orgs/${oid}/members`, { signal }),
  });

  const mutation = useMutation({
    mutationFn: (change: Change) => {
      const path = memberPath(oid, change.member.id);
      const ifMatch = toEtag(change.member);

      return change.kind === 'remove'
        ? callBff<null>(path, { method: 'DELETE', ifMatch })
        : callBff<null>(path, {
            method: 'PATCH',
            body: { role: change.role },
            ifMatch,
          });
    },
    onMutate: () => {
      setAnnouncement('');
      setFailure(null);
    },
    onSuccess: async (_data, change) => {
      setPendingChange(null);
      setAnnouncement(describeDone(change));
      await queryClient.invalidateQueries({ queryKey: membersKey });
      await queryClient.invalidateQueries({
        queryKey: queryKeys.org(viewerId, oid),
      });
      if (change.member.id === viewerId) {
        // The person changed their own role: every page decides anew.
        if (change.kind === 'remove') router.push('/orgs');
        router.refresh();
      }
    },
    onError: async (error, change) => {
      setPendingChange(null);
      setFailure(describeMemberFailure(error, change.member.name));
      if (
        error instanceof BffError &&
        (error.failure === 'stale' || error.reason === 'no_role')
      ) {
        await queryClient.invalidateQueries({ queryKey: membersKey });
      }
    },
  });

  const users = query.data?.data.items ?? [];
  const pending = users.filter((user) => user.role === 'contributor_pending');
  const providers = users.filter((user) => user.role === 'provider_admin');
  const members = users.filter(
    (user) =>
      user.role !== 'contributor_pending' && user.role !== 'provider_admin',
  );
  const adminCount = members.filter((user) => user.role === 'admin').length;
  const memberCount = members.length + pending.length;

  const start = (change: Change) => {
    mutation.reset();
    setFailure(null);
    if (change.kind === 'approve') mutation.mutate(change);
    else setPendingChange(change);
  };

  return (
    <div className="space-y-8">
      <div role="status" aria-live="polite" className="empty:hidden">
        {announcement ? <Notice tone="success">{announcement}</Notice> : null}
      </div>
      {failure && !pendingChange ? (
        <Notice tone="error" title="The change was not made">
          <p>{failure}</p>
        </Notice>
      ) : null}

      {query.isPending ? (
        <div>
          <p role="status" className="mb-3 text-slate-700">
            Loading members…
          </p>
          <SkeletonRows rows={3} />
        </div>
      ) : null}

      {query.isError ? (
        <FailureNotice
          failure={
            query.error instanceof BffError
              ? query.error.failure
              : 'unavailable'
          }
          action={
            <button
              type="button"
              className={buttonStyles.secondary}
              onClick={() => void query.refetch()}
            >
              Try again
            </button>
          }
        />
      ) : null}

      {query.isSuccess ? (
        <>
          <PendingSection
            pending={pending}
            canManage={canManage}
            isBusy={mutation.isPending}
            onApprove={(member, role) =>
              start({ kind: 'approve', member, role })
            }
            onReject={(member) => start({ kind: 'remove', member })}
          />
          <section aria-labelledby="members-heading">
            <h2 id="members-heading" className="mb-3 text-xl font-bold">
              Members ({members.length})
            </h2>
            {members.length === 0 ? (
              <p className="rounded-lg border border-dashed border-slate-400 bg-white p-6">
                This organisation has no members yet.
              </p>
            ) : (
              <ul className="divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white">
                {members.map((member) => (
                  <MemberRow
                    key={member.id}
                    member={member}
                    isViewer={member.id === viewerId}
                    canManage={canManage}
                    isLastAdmin={member.role === 'admin' && adminCount <= 1}
                    isLastMember={memberCount <= 1}
                    isBusy={mutation.isPending}
                    onChangeRole={(role) =>
                      start({ kind: 'role', member, role })
                    }
                    onRemove={() => start({ kind: 'remove', member })}
                  />
                ))}
              </ul>
            )}
          </section>
          {providers.length > 0 ? (
            <ProviderSection providers={providers} />
          ) : null}
        </>
      ) : null}

      <ConfirmDialog
        open={pendingChange !== null}
        title={pendingChange ? confirmTitle(pendingChange) : ''}
        onClose={() => setPendingChange(null)}
      >
        {pendingChange ? (
          <ConfirmBody
            change={pendingChange}
            isViewer={pendingChange.member.id === viewerId}
            isBusy={mutation.isPending}
            onCancel={() => setPendingChange(null)}
            onConfirm={() => mutation.mutate(pendingChange)}
          />
        ) : null}
      </ConfirmDialog>
    </div>
  );
}

function confirmTitle(change: Change): string {
  const name = change.member.name;
  if (change.kind === 'remove') {
    return change.member.role === 'contributor_pending'
      ? `Reject the request from ${name}?`
      : `Remove ${name}?`;
  }

  return `Make ${name} ${roleSentence[change.role]}?`;
}

function ConfirmBody({
  change,
  isViewer,
  isBusy,
  onCancel,
  onConfirm,
}: {
  change: Change;
  isViewer: boolean;
  isBusy: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const isRemove = change.kind === 'remove';
  const isReject = isRemove && change.member.role === 'contributor_pending';

  return (
    <>
      {isRemove ? (
        <p>
          {isReject
            ? `${change.member.name} will not join the organisation. They can ask again later.`
            : `${change.member.name} loses access to this organisation and its datasets with their next request.`}
        </p>
      ) : (
        <>
          <p>{`As ${roleSentence[change.role]}, ${change.member.name} can:`}</p>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {describeRole(change.role).map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </>
      )}
      {isViewer && (isRemove || change.role !== 'admin') ? (
        <p className="mt-3 font-semibold">
          This is you: you will no longer be able to manage members.
        </p>
      ) : null}
      <div className="mt-6 flex flex-wrap justify-end gap-3">
        <button
          type="button"
          className={buttonStyles.secondary}
          onClick={onCancel}
        >
          Cancel
        </button>
        <button
          type="button"
          className={isRemove ? buttonStyles.danger : buttonStyles.primary}
          disabled={isBusy}
          onClick={onConfirm}
        >
          {isBusy
            ? 'Saving…'
            : isReject
              ? 'Reject request'
              : isRemove
                ? 'Remove member'
                : 'Change role'}
        </button>
      </div>
    </>
  );
}

function MemberRow({
  member,
  isViewer,
  canManage,
  isLastAdmin,
  isLastMember,
  isBusy,
  onChangeRole,
  onRemove,
}: {
  member: OrgUser;
  isViewer: boolean;
  canManage: boolean;
  isLastAdmin: boolean;
  isLastMember: boolean;
  isBusy: boolean;
  onChangeRole: (role: AssignableRole) => void;
  onRemove: () => void;
}) {
  const id = useId();
  const current = member.role as AssignableRole;
  const [role, setRole] = useState<AssignableRole>(current);
  const [shown, setShown] = useState<AssignableRole>(current);
  if (shown !== current) {
    // The list was reloaded with a new role: show it, not the old choice.
    setShown(current);
    setRole(current);
  }
  const isLocked = isLastAdmin || isLastMember;
  const reasonId = `${id}-locked`;

  return (
    <li className="flex flex-col gap-3 p-4 md:flex-row md:items-start md:justify-between">
      <div className="min-w-0">
        <p className="font-semibold break-words">
          <span>{member.name || 'Name not given'}</span>
          {isViewer ? (
            <span className="ml-2 text-sm font-normal text-slate-700">
              (you)
            </span>
          ) : null}
        </p>
        <p className="text-sm break-all text-slate-700">
          <span className="sr-only">E-mail: </span>
          {member.email || 'No e-mail address'}
        </p>
        <p className="mt-1 text-sm">
          <span className="sr-only">Role: </span>
          <RoleBadge role={member.role} />
        </p>
        {canManage && isLocked ? (
          <p id={reasonId} className="mt-2 max-w-prose text-sm text-slate-700">
            {isLastAdmin
              ? 'The only admin cannot be removed or given another role: an organisation needs at least one admin. Make another member an admin first.'
              : 'The last member of an organisation cannot be removed.'}
          </p>
        ) : null}
      </div>
      {canManage ? (
        <div className="flex flex-col gap-2 sm:flex-row sm:items-end md:shrink-0">
          <div>
            <label
              htmlFor={`${id}-role`}
              className="block text-sm font-semibold"
            >
              Role
              <span className="sr-only">
                {' '}
                of {member.name || 'this member'}
              </span>
            </label>
            <select
              id={`${id}-role`}
              value={role}
              disabled={isLastAdmin || isBusy}
              aria-describedby={isLastAdmin ? reasonId : undefined}
              onChange={(event) =>
                setRole(event.target.value as AssignableRole)
              }
              className="mt-1 block min-h-11 w-full rounded-md border border-slate-500 bg-white px-3 py-2 disabled:bg-slate-100 sm:w-44"
            >
              {ASSIGNABLE_ROLES.map((value) => (
                <option key={value} value={value}>
                  {getRoleLabel(value)}
                </option>
              ))}
            </select>
          </div>
          <div className="grid grid-cols-2 gap-2 sm:flex">
            <button
              type="button"
              className={buttonStyles.secondary}
              disabled={isLastAdmin || isBusy || role === current}
              aria-describedby={isLastAdmin ? reasonId : undefined}
              onClick={() => onChangeRole(role)}
            >
              Change role
            </button>
            <button
              type="button"
              className={buttonStyles.secondary}
              disabled={isLocked || isBusy}
              aria-describedby={isLocked ? reasonId : undefined}
              onClick={onRemove}
            >
              Remove<span className="sr-only"> {member.name}</span>
            </button>
          </div>
        </div>
      ) : null}
    </li>
  );
}

function PendingSection({
  pending,
  canManage,
  isBusy,
  onApprove,
  onReject,
}: {
  pending: OrgUser[];
  canManage: boolean;
  isBusy: boolean;
  onApprove: (member: OrgUser, role: AssignableRole) => void;
  onReject: (member: OrgUser) => void;
}) {
  return (
    <section aria-labelledby="requests-heading">
      <h2 id="requests-heading" className="mb-1 text-xl font-bold">
        Join requests ({pending.length})
      </h2>
      <p className="mb-3 max-w-prose text-slate-700">
        {canManage
          ? 'People who asked to join. Approve a request with the role they should have, or reject it.'
          : 'People who asked to join. An admin of the organisation approves or rejects them.'}
      </p>
      {pending.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-400 bg-white p-6">
          No one is waiting to join.
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-amber-600 bg-white">
          {pending.map((member) => (
            <PendingRow
              key={member.id}
              member={member}
              canManage={canManage}
              isBusy={isBusy}
              onApprove={(role) => onApprove(member, role)}
              onReject={() => onReject(member)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function PendingRow({
  member,
  canManage,
  isBusy,
  onApprove,
  onReject,
}: {
  member: OrgUser;
  canManage: boolean;
  isBusy: boolean;
  onApprove: (role: AssignableRole) => void;
  onReject: () => void;
}) {
  const id = useId();
  const [role, setRole] = useState<AssignableRole>('contributor');

  return (
    <li className="flex flex-col gap-3 p-4 md:flex-row md:items-start md:justify-between">
      <div className="min-w-0">
        <p className="font-semibold break-words">
          {member.name || 'Name not given'}
        </p>
        <p className="text-sm break-all text-slate-700">
          <span className="sr-only">E-mail: </span>
          {member.email || 'No e-mail address'}
        </p>
        <p className="mt-1 text-sm">
          <RoleBadge role="contributor_pending" />
        </p>
      </div>
      {canManage ? (
        <div className="flex flex-col gap-2 sm:flex-row sm:items-end md:shrink-0">
          <div>
            <label
              htmlFor={`${id}-role`}
              className="block text-sm font-semibold"
            >
              Role
              <span className="sr-only">
                {' '}
                for {member.name || 'this person'}
              </span>
            </label>
            <select
              id={`${id}-role`}
              value={role}
              disabled={isBusy}
              onChange={(event) =>
                setRole(event.target.value as AssignableRole)
              }
              className="mt-1 block min-h-11 w-full rounded-md border border-slate-500 bg-white px-3 py-2 disabled:bg-slate-100 sm:w-44"
            >
              {ASSIGNABLE_ROLES.map((value) => (
                <option key={value} value={value}>
                  {getRoleLabel(value)}
                </option>
              ))}
            </select>
          </div>
          <div className="grid grid-cols-2 gap-2 sm:flex">
            <button
              type="button"
              className={buttonStyles.primary}
              disabled={isBusy}
              onClick={() => onApprove(role)}
            >
              Approve<span className="sr-only"> {member.name}</span>
            </button>
            <button
              type="button"
              className={buttonStyles.secondary}
              disabled={isBusy}
              onClick={onReject}
            >
              Reject<span className="sr-only"> {member.name}</span>
            </button>
          </div>
        </div>
      ) : null}
    </li>
  );
}

function ProviderSection({ providers }: { providers: OrgUser[] }) {
  return (
    <section aria-labelledby="providers-heading">
      <h2 id="providers-heading" className="mb-1 text-xl font-bold">
        Tool staff ({providers.length})
      </h2>
      <p className="mb-3 max-w-prose text-slate-700">
        Admin users of tools this organisation has authorised. They act through
        their tool, not as members, and only superadmins see them here. Revoke
        the tool on the Tools page to end their access.
      </p>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white">
        {providers.map((member) => (
          <li key={member.id} className="p-4">
            <p className="font-semibold break-words">{member.name}</p>
            <p className="text-sm break-all text-slate-700">{member.email}</p>
            <p className="mt-1 text-sm">
              <span className="sr-only">Role: </span>
              <RoleBadge role={member.role} />
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
