/** Database rows to contract shapes (contract §1.1). */
import type {
  DatasetAction,
  DatasetRead,
  DiscoverableOrgMetadata,
  OrgMetadata,
} from '@/lib/ryd/schemas';

import type {
  DatasetActionRow,
  DatasetRow,
  ReportingOrgRow,
} from '../db/schema';
import { formatDate } from './http';

/** Keys in the order the official server emits them. */
export function toOrgMetadata(org: ReportingOrgRow): OrgMetadata {
  return {
    address: org.address,
    contact_email: org.contactEmail,
    created_date: formatDate(org.createdDate),
    data_portal_url: org.dataPortalUrl,
    default_licence_id: org.defaultLicenceId,
    description: org.description,
    exclusions_policy_url: org.exclusionsPolicyUrl,
    fax: org.fax,
    first_publication_date: org.firstPublicationDate,
    hq_country: org.hqCountry,
    human_readable_name: org.humanReadableName,
    number_of_published_datasets: org.numberOfPublishedDatasets,
    organisation_identifier: org.organisationIdentifier,
    organisation_type: org.organisationType,
    phone: org.phone,
    region: org.region,
    registry_approved: org.registryApproved,
    reporting_source_type: org.reportingSourceType,
    short_name: org.shortName,
    website: org.website,
  };
}

export function toDiscoverableMetadata(
  org: Pick<
    ReportingOrgRow,
    | 'hqCountry'
    | 'humanReadableName'
    | 'organisationIdentifier'
    | 'region'
    | 'shortName'
    | 'website'
  >,
): DiscoverableOrgMetadata {
  return {
    hq_country: org.hqCountry,
    human_readable_name: org.humanReadableName,
    organisation_identifier: org.organisationIdentifier,
    region: org.region,
    short_name: org.shortName,
    website: org.website,
  };
}

export function toDatasetAction(action: DatasetActionRow): DatasetAction {
  return {
    action_type: action.actionType,
    created_date: formatDate(action.createdAt),
    id: action.id,
    responsible_org_id: action.responsibleOrgId,
    responsible_org_name: action.responsibleOrgName,
    user_application_id: action.userApplicationId,
    user_application_name: action.userApplicationName,
    user_id: action.userId,
    user_name: action.userName,
  };
}

export function toDatasetRead(
  dataset: DatasetRow,
  actions: DatasetActionRow[],
): DatasetRead {
  return {
    id: dataset.id,
    owner_organisation_id: dataset.ownerOrgId,
    metadata: {
      human_readable_name: dataset.title,
      short_name: dataset.shortName,
      source_type: dataset.sourceType,
      url: dataset.url,
      visibility: dataset.visibility,
      licence_id: dataset.licenceId,
      last_url_update_date: formatDate(dataset.lastUrlUpdateDate),
      last_metadata_update_date: formatDate(dataset.lastMetadataUpdateDate),
      file_type: dataset.fileType,
      language: dataset.language,
    },
    actions: actions.map(toDatasetAction),
  };
}
