'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { BffError, callBff } from '@/lib/query/bff-client';
import { queryKeys } from '@/lib/query/keys';
import { useViewerId } from '@/lib/query/query-provider';
import { buttonStyles } from '@/components/ui/button-styles';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FailureNotice } from '@/components/ui/failure-notice';

export function DeleteDatasetButton({
  did,
  oid,
  name,
  etag,
}: {
  did: string;
  oid: string;
  name: string;
  etag: string;
}) {
  const viewerId = useViewerId();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [open, setOpen] = useState(false);

  const mutation = useMutation({
    mutationFn: () =>
      callBff<null>(`/api/bff/datasets/${did}`, {
        method: 'DELETE',
        ifMatch: etag,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({
        queryKey: queryKeys.orgDatasets(viewerId, oid),
      });
      await queryClient.invalidateQueries({
        queryKey: queryKeys.orgLists(viewerId),
      });
      router.push(`/orgs/${oid}/datasets?deleted=dataset`);
      router.refresh();
    },
  });

  return (
    <>
      <button
        type="button"
        className={buttonStyles.danger}
        onClick={() => {
          mutation.reset();
          setOpen(true);
        }}
      >
        Delete dataset
      </button>
      <ConfirmDialog
        open={open}
        title={`Delete ${name}?`}
        onClose={() => setOpen(false)}
      >
        <p>This cannot be undone.</p>
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
            type="button"
            className={buttonStyles.danger}
            disabled={mutation.isPending}
            onClick={() => mutation.mutate()}
          >
            {mutation.isPending ? 'Deleting…' : 'Delete dataset'}
          </button>
        </div>
      </ConfirmDialog>
    </>
  );
}
