'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { BffError, callBff } from '@/lib/query/bff-client';
import { queryKeys } from '@/lib/query/keys';
import { useViewerId } from '@/lib/query/query-provider';
import { buttonStyles } from '@/components/ui/button-styles';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FailureNotice } from '@/components/ui/failure-notice';

/**
 * Deleting an organisation takes its datasets and memberships with it
 * (contract §8.13), so the person types the short name to confirm.
 */
export function DeleteOrgButton({
  oid,
  name,
  shortName,
  etag,
  datasetCount,
}: {
  oid: string;
  name: string;
  shortName: string;
  etag: string;
  datasetCount: number | null;
}) {
  const viewerId = useViewerId();
  const queryClient = useQueryClient();
  const router = useRouter();
  const inputId = useId();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');

  const mutation = useMutation({
    mutationFn: () =>
      callBff<null>(`/api/bff/orgs/${oid}`, {
        method: 'DELETE',
        ifMatch: etag,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({
        queryKey: queryKeys.all(viewerId),
      });
      queryClient.removeQueries({ queryKey: queryKeys.org(viewerId, oid) });
      router.push('/orgs?deleted=org');
      router.refresh();
    },
  });

  const datasetsSentence =
    datasetCount === null
      ? 'All of its datasets will be deleted too.'
      : datasetCount === 0
        ? 'It has no datasets.'
        : `Its ${datasetCount.toLocaleString('en')} ${
            datasetCount === 1 ? 'dataset' : 'datasets'
          } will be deleted too.`;

  return (
    <>
      <button
        type="button"
        className={buttonStyles.danger}
        onClick={() => {
          setTyped('');
          mutation.reset();
          setOpen(true);
        }}
      >
        Delete organisation
      </button>
      <ConfirmDialog
        open={open}
        title={`Delete ${name}?`}
        onClose={() => setOpen(false)}
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (typed === shortName) mutation.mutate();
          }}
        >
          <p>
            {datasetsSentence} Every member loses access. This cannot be undone.
          </p>
          <label htmlFor={inputId} className="mt-4 block font-semibold">
            Type the short name <strong>{shortName}</strong> to confirm
          </label>
          <input
            id={inputId}
            value={typed}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setTyped(event.target.value)}
            className="mt-1 block w-full rounded-md border border-slate-500 px-3 py-2"
          />
          {mutation.isError ? (
            <div className="mt-4">
              <FailureNotice
                failure={
                  mutation.error instanceof BffError
                    ? mutation.error.failure
                    : 'unavailable'
                }
              />
            </div>
          ) : null}
          <div className="mt-6 flex flex-wrap justify-end gap-3">
            <button
              type="button"
              className={buttonStyles.secondary}
              onClick={() => setOpen(false)}
            >
              Cancel
            </button>
            <button
              type="submit"
              className={buttonStyles.danger}
              disabled={typed !== shortName || mutation.isPending}
            >
              {mutation.isPending ? 'Deleting…' : 'Delete organisation'}
            </button>
          </div>
        </form>
      </ConfirmDialog>
    </>
  );
}
