'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { useHydrated } from '@/lib/query/use-hydrated';
import type { FieldPath } from 'react-hook-form';
import { BffError, callBff } from '@/lib/query/bff-client';
import { queryKeys } from '@/lib/query/keys';
import { useViewerId } from '@/lib/query/query-provider';
import { datasetCreateSchema, datasetUpdateSchema } from '@/lib/ryd/schemas';
import type {
  DatasetCreate,
  DatasetCreateInput,
  DatasetRead,
  DatasetUpdate,
  DatasetUpdateInput,
} from '@/lib/ryd/schemas';
import { buttonStyles } from '@/components/ui/button-styles';
import { FailureNotice } from '@/components/ui/failure-notice';
import { SelectField, TextField } from '@/components/ui/fields';
import type { SelectOption } from '@/components/ui/fields';
import { FocusOnMount } from '@/components/ui/focus-on-mount';
import { bindFields, FieldErrorSummary } from '@/components/ui/form-binding';
import { Notice } from '@/components/ui/notice';
import {
  fileTypeOptions,
  sourceTypeOptions,
  visibilityOptions,
} from '@/lib/codelists/option-lists';

const DUPLICATE_MESSAGE =
  'Another dataset already uses this short name. Choose a different short name.';
const REJECTED_MESSAGE = 'This value was not accepted. Check it and try again.';

function getFailure(error: unknown) {
  return error instanceof BffError ? error.failure : 'unavailable';
}

function FormFailure({ error }: { error: unknown }) {
  const failure = getFailure(error);
  // A duplicate short name is explained under the field instead.
  if (failure === 'conflict') return null;

  return <FailureNotice failure={failure} />;
}

type CodeFieldName = 'file_type' | 'language' | 'source_type' | 'licence_id';

/** The codelist choices both dataset forms offer, in the same order. */
function DatasetCodeFields({
  field,
  languages,
  licences,
}: {
  field: (name: CodeFieldName) => ReturnType<ReturnType<typeof bindFields>>;
  languages: SelectOption[];
  licences: SelectOption[];
}) {
  return (
    <>
      <SelectField
        label="File type"
        options={fileTypeOptions}
        {...field('file_type')}
      />
      <SelectField
        label="Language"
        hint="The language the file is written in."
        options={languages}
        emptyLabel="Not stated"
        {...field('language')}
      />
      <SelectField
        label="Source type"
        options={sourceTypeOptions}
        emptyLabel="Not stated"
        {...field('source_type')}
      />
      <SelectField
        label="Licence"
        options={licences}
        emptyLabel="Not stated"
        {...field('licence_id')}
      />
    </>
  );
}

export function CreateDatasetForm({
  oid,
  defaultLicence,
  canSetVisibility,
  licences,
  languages,
}: {
  oid: string;
  defaultLicence: string;
  canSetVisibility: boolean;
  licences: SelectOption[];
  languages: SelectOption[];
}) {
  const viewerId = useViewerId();
  const queryClient = useQueryClient();
  const router = useRouter();
  const hydrated = useHydrated();
  const form = useForm<DatasetCreateInput, unknown, DatasetCreate>({
    resolver: zodResolver(datasetCreateSchema),
    defaultValues: {
      owner_organisation_id: oid,
      short_name: '',
      human_readable_name: '',
      url: '',
      source_type: 'primary_source',
      licence_id: defaultLicence,
      file_type: 'activity',
      language: '',
      // Without the right to change visibility, a new dataset starts private
      // and an editor or admin decides when it is published.
      visibility: canSetVisibility ? 'public' : 'private',
    },
  });
  const field = bindFields(form, 'dataset');

  const mutation = useMutation({
    mutationFn: (body: DatasetCreate) =>
      callBff<DatasetRead>('/api/bff/datasets', { method: 'POST', body }),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({
        queryKey: queryKeys.all(viewerId),
      });
      router.push(`/datasets/${result.data.id}?saved=created`);
    },
    onError: (error) => {
      const failure = getFailure(error);
      if (failure === 'conflict') {
        form.setError('short_name', { message: DUPLICATE_MESSAGE });
        form.setFocus('short_name');
      } else if (
        error instanceof BffError &&
        failure === 'validation' &&
        error.field &&
        error.field in form.getValues()
      ) {
        form.setError(error.field as FieldPath<DatasetCreateInput>, {
          message: REJECTED_MESSAGE,
        });
      }
    },
  });

  return (
    <form
      noValidate
      onSubmit={(event) =>
        void form.handleSubmit((values) => mutation.mutate(values))(event)
      }
    >
      <fieldset disabled={!hydrated} className="min-w-0 space-y-5">
        {mutation.isError && getFailure(mutation.error) !== 'conflict' ? (
          <FocusOnMount key={mutation.submittedAt}>
            <FormFailure error={mutation.error} />
          </FocusOnMount>
        ) : null}
        <FieldErrorSummary count={Object.keys(form.formState.errors).length} />
        <input type="hidden" {...form.register('owner_organisation_id')} />
        <TextField
          label="Title"
          hint="The name people see, for example “Activities in Kenya 2026”."
          {...field('human_readable_name')}
        />
        <TextField
          label="Short name"
          hint="Lowercase letters, digits, hyphens (-) and underscores (_) only. It must be unique in the registry and cannot be changed later."
          autoCapitalize="none"
          autoComplete="off"
          spellCheck={false}
          {...field('short_name')}
        />
        <TextField
          label="Source URL"
          hint="The web address of the IATI XML file."
          type="url"
          inputMode="url"
          {...field('url')}
        />
        <DatasetCodeFields
          field={field}
          languages={languages}
          licences={licences}
        />
        {canSetVisibility ? (
          <SelectField
            label="Visibility"
            hint="Private datasets are kept in the registry but not published."
            options={visibilityOptions}
            {...field('visibility')}
          />
        ) : (
          <p className="text-slate-700">
            The dataset starts as private. An editor or admin of the
            organisation decides when it becomes public.
          </p>
        )}
        <div className="flex flex-wrap gap-3 pt-2">
          <button
            type="submit"
            className={buttonStyles.primary}
            disabled={mutation.isPending}
          >
            {mutation.isPending ? 'Adding…' : 'Add dataset'}
          </button>
          <Link
            href={`/orgs/${oid}/datasets`}
            className={buttonStyles.secondary}
          >
            Cancel
          </Link>
        </div>
      </fieldset>
    </form>
  );
}

export function EditDatasetForm({
  dataset,
  etag,
  canSetVisibility,
  licences,
  languages,
}: {
  dataset: DatasetRead;
  etag: string;
  canSetVisibility: boolean;
  licences: SelectOption[];
  languages: SelectOption[];
}) {
  const viewerId = useViewerId();
  const queryClient = useQueryClient();
  const router = useRouter();
  const hydrated = useHydrated();
  const { metadata } = dataset;
  const form = useForm<DatasetUpdateInput, unknown, DatasetUpdate>({
    resolver: zodResolver(datasetUpdateSchema),
    defaultValues: {
      human_readable_name: metadata.human_readable_name,
      url: metadata.url,
      source_type:
        metadata.source_type === 'primary_source' ||
        metadata.source_type === 'secondary_source'
          ? metadata.source_type
          : '',
      licence_id: metadata.licence_id,
      file_type: metadata.file_type ?? 'activity',
      language: metadata.language ?? '',
      ...(canSetVisibility &&
      visibilityOptions.some((o) => o.value === metadata.visibility)
        ? { visibility: metadata.visibility as 'public' | 'private' }
        : {}),
    },
  });
  const field = bindFields(form, 'dataset');

  const mutation = useMutation({
    mutationFn: (body: DatasetUpdate) =>
      callBff<DatasetRead>(`/api/bff/datasets/${dataset.id}`, {
        method: 'PATCH',
        // Visibility is sent only by people who may change it (contract §8.11).
        body: {
          ...body,
          short_name: metadata.short_name,
          visibility: canSetVisibility ? body.visibility : undefined,
        },
        ifMatch: etag,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({
        queryKey: queryKeys.all(viewerId),
      });
      router.push(`/datasets/${dataset.id}?saved=dataset`);
      router.refresh();
    },
    onError: (error) => {
      if (
        error instanceof BffError &&
        error.failure === 'validation' &&
        error.field &&
        error.field in form.getValues()
      ) {
        form.setError(error.field as FieldPath<DatasetUpdateInput>, {
          message: REJECTED_MESSAGE,
        });
      }
    },
  });
  const failure = getFailure(mutation.error);

  return (
    <form
      noValidate
      onSubmit={(event) =>
        void form.handleSubmit((values) => mutation.mutate(values))(event)
      }
    >
      <fieldset disabled={!hydrated} className="min-w-0 space-y-5">
        {mutation.isError && failure !== 'conflict' ? (
          <FocusOnMount key={mutation.submittedAt}>
            {failure === 'stale' ? (
              <Notice tone="error" title="Changed by someone else">
                <p>
                  This dataset was changed by someone else while you were
                  editing. Reload to see the latest version; your changes on
                  this page will be lost.
                </p>
                <button
                  type="button"
                  className={`${buttonStyles.secondary} mt-3`}
                  onClick={() => router.refresh()}
                >
                  Reload
                </button>
              </Notice>
            ) : (
              <FormFailure error={mutation.error} />
            )}
          </FocusOnMount>
        ) : null}
        <FieldErrorSummary count={Object.keys(form.formState.errors).length} />
        <TextField label="Title" {...field('human_readable_name')} />
        <TextField
          label="Source URL"
          hint="The web address of the IATI XML file."
          type="url"
          inputMode="url"
          {...field('url')}
        />
        <DatasetCodeFields
          field={field}
          languages={languages}
          licences={licences}
        />
        {canSetVisibility ? (
          <SelectField
            label="Visibility"
            hint="Private datasets are kept in the registry but not published."
            options={visibilityOptions}
            {...field('visibility')}
          />
        ) : null}
        <div className="flex flex-wrap gap-3 pt-2">
          <button
            type="submit"
            className={buttonStyles.primary}
            disabled={mutation.isPending}
          >
            {mutation.isPending ? 'Saving…' : 'Save changes'}
          </button>
          <Link
            href={`/datasets/${dataset.id}`}
            className={buttonStyles.secondary}
          >
            Cancel
          </Link>
        </div>
      </fieldset>
    </form>
  );
}
