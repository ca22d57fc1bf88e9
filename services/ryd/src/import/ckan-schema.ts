import { z } from 'zod';

/**
 * The parts of CKAN `organization_show` and `package_show` results that the
 * import reads. Lenient on purpose: a registry export holds nulls and empty
 * strings where the Dashboard's CKAN-compatible API documents strings, and
 * every field the RYD model does not use is ignored (zod strips unknown keys).
 */

const optionalText = z.string().nullish();

export const ckanOrganizationSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  title: optionalText,
  state: optionalText,
  license_id: optionalText,
  package_count: z.number().int().nonnegative().nullish(),
  publisher_iati_id: optionalText,
  publisher_country: optionalText,
  publisher_organization_type: optionalText,
  publisher_description: optionalText,
  publisher_first_publish_date: optionalText,
  publisher_source_type: optionalText,
  historical_publisher_names: z
    .array(z.object({ old_name: z.string() }))
    .nullish(),
});
export type CkanOrganization = z.infer<typeof ckanOrganizationSchema>;

const extraSchema = z.object({
  key: z.string(),
  value: z.unknown(),
});

const resourceSchema = z.object({
  url: optionalText,
  created: optionalText,
  metadata_modified: optionalText,
});

export const ckanPackageSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  title: optionalText,
  owner_org: optionalText,
  license_id: optionalText,
  private: z.boolean().nullish(),
  state: optionalText,
  extras: z.array(extraSchema).nullish(),
  resources: z.array(resourceSchema).nullish(),
  publisher_source_type: optionalText,
  metadata_created: optionalText,
  metadata_modified: optionalText,
});
export type CkanPackage = z.infer<typeof ckanPackageSchema>;
