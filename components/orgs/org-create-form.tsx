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
import { reportingOrgCreateSchema } from '@/lib/ryd/schemas';
import type {
  OrgRelation,
  ReportingOrgCreate,
  ReportingOrgCreateInput,
} from '@/lib/ryd/schemas';
import { buttonStyles } from '@/components/ui/button-styles';
import { FailureNotice } from '@/components/ui/failure-notice';
import { bindFields, FieldErrorSummary } from '@/components/ui/form-binding';
import { SelectField, TextField } from '@/components/ui/fields';
import { FocusOnMount } from '@/components/ui/focus-on-mount';
import type { OrgFormOptions } from './org-edit-form';

export function OrgCreateForm({ options }: { options: OrgFormOptions }) {
  const viewerId = useViewerId();
  const queryClient = useQueryClient();
  const router = useRouter();
  const hydrated = useHydrated();
  const form = useForm<ReportingOrgCreateInput, unknown, ReportingOrgCreate>({
    resolver: zodResolver(reportingOrgCreateSchema),
    defaultValues: {
      human_readable_name: '',
      short_name: '',
      contact_email: '',
      organisation_identifier: '',
      organisation_type: '',
      hq_country: '',
      default_licence_id: '',
      website: '',
    },
  });
  const { errors } = form.formState;

  const mutation = useMutation({
    mutationFn: (body: ReportingOrgCreate) =>
      callBff<OrgRelation>('/api/bff/orgs', { method: 'POST', body }),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({
        queryKey: queryKeys.orgLists(viewerId),
      });
      router.push(`/orgs/${result.data.id}`);
    },
    onError: (error) => {
      if (error instanceof BffError && error.failure === 'conflict') {
        form.setError('short_name', {
          message:
            'Another organisation already uses this short name. Choose a different short name.',
        });
        form.setFocus('short_name');
      } else if (
        error instanceof BffError &&
        error.failure === 'validation' &&
        error.field &&
        error.field in form.getValues()
      ) {
        form.setError(error.field as FieldPath<ReportingOrgCreateInput>, {
          message: 'This value was not accepted. Check it and try again.',
        });
      }
    },
  });

  const field = bindFields(form, 'new-org');
  const failure =
    mutation.error instanceof BffError ? mutation.error.failure : 'unavailable';

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
            <FailureNotice failure={failure} />
          </FocusOnMount>
        ) : null}
        <FieldErrorSummary count={Object.keys(errors).length} />
        <TextField
          label="Name"
          autoComplete="organization"
          {...field('human_readable_name')}
        />
        <TextField
          label="Short name"
          hint="Lowercase letters, digits, hyphens (-) and underscores (_) only. It cannot be changed later."
          autoCapitalize="none"
          autoComplete="off"
          spellCheck={false}
          {...field('short_name')}
        />
        <TextField
          label="IATI organisation identifier"
          hint="For example GB-COH-123456. It cannot be changed later."
          {...field('organisation_identifier')}
        />
        <TextField
          label="Contact e-mail"
          type="email"
          autoComplete="email"
          {...field('contact_email')}
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
          label="Default licence"
          options={options.licences}
          emptyLabel="Not stated"
          {...field('default_licence_id')}
        />
        <TextField
          label="Website"
          type="url"
          inputMode="url"
          {...field('website')}
        />
        <p className="text-slate-700">
          IATI Support reviews every new organisation before it can publish. You
          become its admin straight away.
        </p>
        <div className="flex flex-wrap gap-3">
          <button
            type="submit"
            className={buttonStyles.primary}
            disabled={mutation.isPending}
          >
            {mutation.isPending ? 'Creating…' : 'Create organisation'}
          </button>
          <Link href="/orgs" className={buttonStyles.secondary}>
            Cancel
          </Link>
        </div>
      </fieldset>
    </form>
  );
}
