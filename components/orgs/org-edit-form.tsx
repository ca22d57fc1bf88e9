'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { useHydrated } from '@/lib/query/use-hydrated';
import { BffError, callBff } from '@/lib/query/bff-client';
import { queryKeys } from '@/lib/query/keys';
import { useViewerId } from '@/lib/query/query-provider';
import { reportingOrgUpdateSchema } from '@/lib/ryd/schemas';
import type {
  OrgMetadata,
  OrgRelation,
  ReportingOrgUpdate,
  ReportingOrgUpdateInput,
} from '@/lib/ryd/schemas';
import { buttonStyles } from '@/components/ui/button-styles';
import { FailureNotice } from '@/components/ui/failure-notice';
import { bindFields, FieldErrorSummary } from '@/components/ui/form-binding';
import { SelectField, TextAreaField, TextField } from '@/components/ui/fields';
import type { SelectOption } from '@/components/ui/fields';
import { FocusOnMount } from '@/components/ui/focus-on-mount';
import { Notice } from '@/components/ui/notice';

export type OrgFormOptions = {
  organisationTypes: SelectOption[];
  countries: SelectOption[];
  regions: SelectOption[];
  licences: SelectOption[];
  sourceTypes: SelectOption[];
};

/** The 14 fields RYD lets a client change (contract E5). */
const EDITABLE_FIELDS = [
  'human_readable_name',
  'contact_email',
  'organisation_type',
  'hq_country',
  'region',
  'default_licence_id',
  'reporting_source_type',
  'website',
  'data_portal_url',
  'exclusions_policy_url',
  'description',
  'phone',
  'fax',
  'address',
] as const satisfies readonly (keyof ReportingOrgUpdateInput &
  keyof OrgMetadata)[];
type EditableField = (typeof EDITABLE_FIELDS)[number];

function toFormValues(metadata: OrgMetadata): ReportingOrgUpdateInput {
  return Object.fromEntries(
    EDITABLE_FIELDS.map((field) => [field, metadata[field] ?? '']),
  ) as ReportingOrgUpdateInput;
}

/**
 * Organisations imported from the old registry may have no contact e-mail.
 * Left empty, it stays unset; an address that was there cannot be cleared,
 * as RYD refuses an empty one.
 */
function keepMissingEmail(
  values: ReportingOrgUpdateInput,
  metadata: OrgMetadata,
): ReportingOrgUpdateInput {
  const isStillMissing =
    !metadata.contact_email && !values.contact_email?.trim();

  return isStillMissing ? { ...values, contact_email: null } : values;
}

function isEditableField(value: string | undefined): value is EditableField {
  return (EDITABLE_FIELDS as readonly string[]).includes(value ?? '');
}

export function OrgEditForm({
  oid,
  metadata,
  etag,
  options,
}: {
  oid: string;
  metadata: OrgMetadata;
  etag: string;
  options: OrgFormOptions;
}) {
  const viewerId = useViewerId();
  const queryClient = useQueryClient();
  const router = useRouter();
  const hydrated = useHydrated();

  const validate = zodResolver(reportingOrgUpdateSchema);
  const form = useForm<ReportingOrgUpdateInput, unknown, ReportingOrgUpdate>({
    resolver: (values, context, options) =>
      validate(keepMissingEmail(values, metadata), context, options),
    defaultValues: toFormValues(metadata),
  });
  const { errors } = form.formState;

  const mutation = useMutation({
    // Every editable field is sent, so that servers that replace the whole
    // set on PATCH (the official one does) keep the values (contract §8.10).
    mutationFn: (body: ReportingOrgUpdate) =>
      callBff<OrgRelation>(`/api/bff/orgs/${oid}`, {
        method: 'PATCH',
        body,
        ifMatch: etag,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({
        queryKey: queryKeys.all(viewerId),
      });
      router.push(`/orgs/${oid}?saved=org`);
      router.refresh();
    },
    onError: (error) => {
      if (
        error instanceof BffError &&
        error.failure === 'validation' &&
        isEditableField(error.field)
      ) {
        form.setError(error.field, {
          message: 'This value was not accepted. Check it and try again.',
        });
      }
    },
  });

  const failure =
    mutation.error instanceof BffError ? mutation.error.failure : 'unavailable';

  const field = bindFields(form, 'org');

  return (
    <form
      noValidate
      onSubmit={(event) =>
        void form.handleSubmit((values) => mutation.mutate(values))(event)
      }
    >
      <fieldset disabled={!hydrated} className="min-w-0 space-y-8">
        {mutation.isError ? (
          <FocusOnMount key={mutation.submittedAt}>
            {failure === 'stale' ? (
              <Notice tone="error" title="Changed by someone else">
                <p>
                  This organisation was changed by someone else while you were
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
              <FailureNotice failure={failure} />
            )}
          </FocusOnMount>
        ) : null}
        <FieldErrorSummary count={Object.keys(errors).length} />

        <fieldset className="space-y-5">
          <legend className="mb-2 text-xl font-bold">
            About the organisation
          </legend>
          <TextField
            label="Name"
            autoComplete="organization"
            {...field('human_readable_name')}
          />
          <SelectField
            label="Organisation type"
            options={options.organisationTypes}
            emptyLabel="Not stated"
            {...field('organisation_type')}
          />
          <SelectField
            label="Headquarters country"
            options={options.countries}
            emptyLabel="Not stated"
            {...field('hq_country')}
          />
          <SelectField
            label="Region"
            hint="Only for organisations that report for a whole region."
            options={options.regions}
            emptyLabel="Not stated"
            {...field('region')}
          />
          <SelectField
            label="Reporting source type"
            options={options.sourceTypes}
            emptyLabel="Not stated"
            {...field('reporting_source_type')}
          />
          <SelectField
            label="Default licence"
            hint="The licence new datasets start with."
            options={options.licences}
            emptyLabel="Not stated"
            {...field('default_licence_id')}
          />
          <TextAreaField label="Description" {...field('description')} />
        </fieldset>

        <fieldset className="space-y-5">
          <legend className="mb-2 text-xl font-bold">Web addresses</legend>
          <TextField
            label="Website"
            type="url"
            inputMode="url"
            {...field('website')}
          />
          <TextField
            label="Data portal"
            type="url"
            inputMode="url"
            {...field('data_portal_url')}
          />
          <TextField
            label="Exclusions policy"
            hint="Where you explain which data you do not publish, and why."
            type="url"
            inputMode="url"
            {...field('exclusions_policy_url')}
          />
        </fieldset>

        <fieldset className="space-y-5">
          <legend className="mb-2 text-xl font-bold">Contact</legend>
          <TextField
            label="Contact e-mail"
            hint={
              metadata.contact_email
                ? undefined
                : 'None is recorded for this organisation yet.'
            }
            type="email"
            autoComplete="email"
            {...field('contact_email')}
          />
          <TextField
            label="Phone"
            type="tel"
            autoComplete="tel"
            {...field('phone')}
          />
          <TextField label="Fax" type="tel" {...field('fax')} />
          <TextAreaField
            label="Address"
            autoComplete="street-address"
            {...field('address')}
          />
        </fieldset>

        <div className="flex flex-wrap gap-3">
          <button
            type="submit"
            className={buttonStyles.primary}
            disabled={mutation.isPending}
          >
            {mutation.isPending ? 'Saving…' : 'Save changes'}
          </button>
          <Link href={`/orgs/${oid}`} className={buttonStyles.secondary}>
            Cancel
          </Link>
        </div>
      </fieldset>
    </form>
  );
}
