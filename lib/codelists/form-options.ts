import { listCountryOptions } from './countries';
import { listLanguageOptions } from './languages';
import { listLicenceOptions } from './licences';
import { organisationTypes } from './organisation-types';
import { regions } from './regions';
import { sourceTypeOptions, withCurrent } from './option-lists';

export {
  fileTypeOptions,
  sourceTypeOptions,
  visibilityOptions,
  withCurrent,
} from './option-lists';

/**
 * Choices for the organisation form. A stored value outside a list (legacy
 * data) is added so that saving the form never silently clears it.
 */
export function getOrgFormOptions(current: {
  organisation_type?: string | null;
  hq_country?: string | null;
  region?: string | null;
  default_licence_id?: string | null;
}) {
  return {
    organisationTypes: withCurrent(
      organisationTypes
        .filter((type) => type.status === 'active')
        .map((type) => ({ value: type.code, label: type.name })),
      current.organisation_type,
    ),
    countries: withCurrent(listCountryOptions('en'), current.hq_country),
    regions: withCurrent(
      regions
        .filter((region) => region.status === 'active')
        .map((region) => ({ value: region.code, label: region.name })),
      current.region,
    ),
    licences: withCurrent(listLicenceOptions(), current.default_licence_id),
    sourceTypes: sourceTypeOptions,
  };
}

export function getLanguageFormOptions(current?: string | null) {
  return withCurrent(listLanguageOptions('en'), current);
}
