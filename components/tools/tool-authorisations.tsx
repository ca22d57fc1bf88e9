'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeRole } from '@/components/members/permission-text';
import { buttonStyles } from '@/components/ui/button-styles';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FailureNotice } from '@/components/ui/failure-notice';
import { Notice } from '@/components/ui/notice';
import { SkeletonRows } from '@/components/ui/skeleton';
import { BffError, callBff } from '@/lib/query/bff-client';
import { FAILURE_MESSAGES } from '@/lib/query/failures';
import { queryKeys } from '@/lib/query/keys';
import type { OrgToolsPayload } from '@/lib/query/payloads';
import { useViewerId } from '@/lib/query/query-provider';
import type { Tool } from '@/lib/ryd/schemas';

type Change = { kind: 'grant' | 'revoke'; tool: Tool };

/** What a tool's admin users may do for an organisation that authorised it. */
export function ProviderAdminExplanation() {
  return (
    <section
      aria-labelledby="tool-staff-heading"
      className="rounded-lg border border-slate-300 bg-white p-4 sm:p-6"
    >
      <h2 id="tool-staff-heading" className="text-lg font-bold">
        What an authorised tool’s staff can do
      </h2>
      <p className="mt-2 max-w-prose">
        Authorising a tool lets its admin users act for this organisation when
        they sign in through that tool. They can:
      </p>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        {describeRole('provider_admin').map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
      <p className="mt-3 max-w-prose">
        They cannot delete the organisation, manage its members or authorise
        other tools, and they are not listed as members. Signed in through any
        other application, they have no access. Withdrawing the authorisation
        ends their access with their next request.
      </p>
    </section>
  );
}

/**
 * The tools registered with the registry and which of them may act for the
 * organisation. Granting and revoking appear only with `set-org-tool-authz`.
 */
export function ToolAuthorisations({
  oid,
  orgName,
  canManage,
}: {
  oid: string;
  orgName: string;
  canManage: boolean;
}) {
  const viewerId = useViewerId();
  const queryClient = useQueryClient();
  const [change, setChange] = useState<Change | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const toolsKey = queryKeys.orgTools(viewerId, oid);

  const query = useQuery({
    queryKey: toolsKey,
    queryFn: ({ signal }) =>
      callBff<OrgToolsPayload>(`/api/bff/orgs/${oid}/tools`, { signal }),
  });

  const mutation = useMutation({
    mutationFn: ({ kind, tool }: Change) =>
      kind === 'grant'
        ? callBff<null>(`/api/bff/orgs/${oid}/tools`, {
            method: 'POST',
            body: { tid: tool.id },
          })
        : callBff<null>(`/api/bff/orgs/${oid}/tools/${tool.id}`, {
            method: 'DELETE',
          }),
    onMutate: () => setAnnouncement(''),
    onSuccess: async (_data, done) => {
      setChange(null);
      setAnnouncement(
        done.kind === 'grant'
          ? `${done.tool.name} may now act for ${orgName}.`
          : `${done.tool.name} may no longer act for ${orgName}.`,
      );
      await queryClient.invalidateQueries({ queryKey: toolsKey });
    },
    onError: async (error) => {
      // 409 (already authorised) and 404 (already revoked) mean the list is
      // out of date.
      if (
        error instanceof BffError &&
        (error.failure === 'conflict' || error.failure === 'not_found')
      ) {
        await queryClient.invalidateQueries({ queryKey: toolsKey });
      }
    },
  });

  const registered = query.data?.data.registered ?? [];
  const authorised = new Set(
    (query.data?.data.authorised ?? []).map((tool) => tool.id),
  );
  const extra = (query.data?.data.authorised ?? []).filter(
    (tool) => !registered.some((known) => known.id === tool.id),
  );
  const tools = [...registered, ...extra];

  const open = (next: Change) => {
    mutation.reset();
    setChange(next);
  };

  return (
    <div className="space-y-6">
      <div role="status" aria-live="polite" className="empty:hidden">
        {announcement ? <Notice tone="success">{announcement}</Notice> : null}
      </div>

      {query.isPending ? (
        <div>
          <p role="status" className="mb-3 text-slate-700">
            Loading tools…
          </p>
          <SkeletonRows rows={2} />
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
        <section aria-labelledby="tools-heading">
          <h2 id="tools-heading" className="mb-1 text-xl font-bold">
            Registered tools ({tools.length})
          </h2>
          <p className="mb-3 text-slate-700">
            {authorised.size === 0
              ? 'No tool may act for this organisation.'
              : `${authorised.size} ${authorised.size === 1 ? 'tool may' : 'tools may'} act for this organisation.`}
            {canManage
              ? ''
              : ' Only admins and editors of the organisation can change this.'}
          </p>
          {tools.length === 0 ? (
            <p className="rounded-lg border border-dashed border-slate-400 bg-white p-6">
              No tools are registered with the registry yet.
            </p>
          ) : (
            <ul className="divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white">
              {tools.map((tool) => (
                <ToolRow
                  key={tool.id}
                  tool={tool}
                  isAuthorised={authorised.has(tool.id)}
                  canManage={canManage}
                  isBusy={mutation.isPending}
                  onGrant={() => open({ kind: 'grant', tool })}
                  onRevoke={() => open({ kind: 'revoke', tool })}
                />
              ))}
            </ul>
          )}
        </section>
      ) : null}

      <ConfirmDialog
        open={change !== null}
        title={
          change
            ? change.kind === 'grant'
              ? `Authorise ${change.tool.name}?`
              : `Withdraw ${change.tool.name}’s authorisation?`
            : ''
        }
        onClose={() => setChange(null)}
      >
        {change ? (
          <>
            {change.kind === 'grant' ? (
              <>
                <p>
                  The admin users of {change.tool.name} ({change.tool.provider}
                  ), signed in through that tool, can:
                </p>
                <ul className="mt-2 list-disc space-y-1 pl-6">
                  {describeRole('provider_admin').map((text) => (
                    <li key={text}>{text}</li>
                  ))}
                </ul>
              </>
            ) : (
              <p>
                The staff of {change.tool.name} lose access to {orgName} with
                their next request. Datasets they published stay.
              </p>
            )}
            {mutation.isError ? (
              <div className="mt-4">
                <Notice tone="error" title="The change was not made">
                  <p>{describeToolFailure(mutation.error, change)}</p>
                </Notice>
              </div>
            ) : null}
            <div className="mt-6 flex flex-wrap justify-end gap-3">
              <button
                type="button"
                className={buttonStyles.secondary}
                onClick={() => setChange(null)}
              >
                Cancel
              </button>
              <button
                type="button"
                className={
                  change.kind === 'grant'
                    ? buttonStyles.primary
                    : buttonStyles.danger
                }
                disabled={mutation.isPending}
                onClick={() => mutation.mutate(change)}
              >
                {mutation.isPending
                  ? 'Saving…'
                  : change.kind === 'grant'
                    ? 'Authorise tool'
                    : 'Withdraw authorisation'}
              </button>
            </div>
          </>
        ) : null}
      </ConfirmDialog>
    </div>
  );
}

function describeToolFailure(error: unknown, change: Change): string {
  if (!(error instanceof BffError)) return FAILURE_MESSAGES.unavailable;
  if (error.failure === 'conflict') {
    return `${change.tool.name} is already authorised. The list is up to date again.`;
  }
  if (error.failure === 'not_found' && change.kind === 'revoke') {
    return `${change.tool.name} was no longer authorised. The list is up to date again.`;
  }
  if (error.failure === 'validation') {
    return `${change.tool.name} is no longer registered with the registry.`;
  }

  return FAILURE_MESSAGES[error.failure];
}

function ToolRow({
  tool,
  isAuthorised,
  canManage,
  isBusy,
  onGrant,
  onRevoke,
}: {
  tool: Tool;
  isAuthorised: boolean;
  canManage: boolean;
  isBusy: boolean;
  onGrant: () => void;
  onRevoke: () => void;
}) {
  return (
    <li className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between">
      <div className="min-w-0">
        <p className="font-semibold break-words">{tool.name}</p>
        <p className="text-sm text-slate-700">
          <span className="sr-only">Provider: </span>
          {tool.provider}
        </p>
        <p className="mt-1 text-sm">
          <span
            className={`inline-block rounded-full border px-2.5 py-0.5 text-xs font-semibold ${
              isAuthorised
                ? 'border-teal-700 bg-teal-100 text-teal-950'
                : 'border-slate-500 bg-slate-100 text-slate-900'
            }`}
          >
            {isAuthorised ? 'Authorised' : 'Not authorised'}
          </span>
        </p>
      </div>
      {canManage ? (
        isAuthorised ? (
          <button
            type="button"
            className={buttonStyles.secondary}
            disabled={isBusy}
            onClick={onRevoke}
          >
            Withdraw authorisation
            <span className="sr-only"> of {tool.name}</span>
          </button>
        ) : (
          <button
            type="button"
            className={buttonStyles.primary}
            disabled={isBusy}
            onClick={onGrant}
          >
            Authorise<span className="sr-only"> {tool.name}</span>
          </button>
        )
      ) : null}
    </li>
  );
}
