/**
 * Demo organisations, datasets and roles that the RYD server seeds into an
 * empty database. The organisations are invented; ids and short names are
 * fixed so that tests can refer to them. Plain data: safe to import anywhere.
 */
import { demoTools, personas, serviceAccount } from './personas';

export type MembershipRoleName =
  'admin' | 'editor' | 'contributor' | 'contributor_pending';

export type SeedOrgKey =
  | 'riverlands'
  | 'kestrel'
  | 'sahel'
  | 'openHarvest'
  | 'meridian'
  | 'bluepeak'
  | 'coastal'
  | 'openAidResearch'
  | 'andesRoads'
  | 'lakeside'
  | 'unityRefugee'
  | 'greenfield';

export type SeedOrg = {
  key: SeedOrgKey;
  id: string;
  shortName: string;
  name: string;
  identifier: string;
  /** IATI OrganisationType code. */
  type: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** IATI Language code its datasets are written in. */
  language: string;
  /** IATI Region code, where the organisation works mostly in one region. */
  region: string | null;
  website: string;
  description: string;
  licence: string;
  sourceType: 'primary_source' | 'secondary_source';
  approved: boolean;
  /** How many datasets the seed creates for it. */
  datasetCount: number;
};

export const seedOrgs: Record<SeedOrgKey, SeedOrg> = {
  riverlands: {
    key: 'riverlands',
    id: '8a2358db-8793-4b18-9806-09225434d85c',
    shortName: 'riverlands-water',
    name: 'Riverlands Water Alliance',
    identifier: 'GB-CHC-1234567',
    type: '21',
    country: 'GB',
    language: 'en',
    region: '289',
    website: 'https://riverlands-water.example.org',
    description: 'Clean water and sanitation programmes in East Africa.',
    licence: 'cc-by',
    sourceType: 'primary_source',
    approved: true,
    datasetCount: 60,
  },
  kestrel: {
    key: 'kestrel',
    id: 'e103174b-4584-4a55-a623-86d3b2050ac8',
    shortName: 'kestrel-health',
    name: 'Kestrel Health Foundation',
    identifier: 'US-EIN-12-3456789',
    type: '60',
    country: 'US',
    language: 'en',
    region: null,
    website: 'https://kestrel-health.example.org',
    description: 'Grants for community health workers and clinics.',
    licence: 'cc-zero',
    sourceType: 'primary_source',
    approved: true,
    datasetCount: 8,
  },
  sahel: {
    key: 'sahel',
    id: 'fe64dd96-46f8-4cb9-9935-14d9a4f60739',
    shortName: 'sahel-schools',
    name: 'Sahel Schools Trust',
    identifier: 'SN-NINEA-0012345',
    type: '22',
    country: 'SN',
    language: 'fr',
    region: '289',
    website: 'https://sahel-schools.example.org',
    description: 'Primary education and school meals in the Sahel.',
    licence: 'odc-by',
    sourceType: 'primary_source',
    approved: true,
    datasetCount: 5,
  },
  openHarvest: {
    key: 'openHarvest',
    id: '114145de-7fd6-44a0-965f-5c3caefb0450',
    shortName: 'open-harvest',
    name: 'Open Harvest Cooperative',
    identifier: 'KE-NCB-123456',
    type: '22',
    country: 'KE',
    language: 'en',
    region: '289',
    website: 'https://open-harvest.example.org',
    description: 'Farmer cooperatives sharing seed and storage.',
    licence: 'cc-by-sa',
    sourceType: 'primary_source',
    approved: true,
    datasetCount: 4,
  },
  meridian: {
    key: 'meridian',
    id: 'f411775c-8bfe-4aef-94db-a24e245910f3',
    shortName: 'meridian-climate',
    name: 'Meridian Climate Fund',
    identifier: 'XI-IATI-MCF',
    type: '40',
    country: 'CH',
    language: 'fr',
    region: null,
    website: 'https://meridian-climate.example.org',
    description: 'Pooled finance for climate adaptation projects.',
    licence: 'odc-pddl',
    sourceType: 'primary_source',
    approved: true,
    datasetCount: 10,
  },
  bluepeak: {
    key: 'bluepeak',
    id: '784f051d-a9ea-494d-8950-acc2e9672b1f',
    shortName: 'bluepeak-microfinance',
    name: 'Bluepeak Microfinance',
    identifier: 'NL-KVK-12345678',
    type: '70',
    country: 'NL',
    language: 'en',
    region: null,
    website: 'https://bluepeak.example.com',
    description: 'Small loans for women-led businesses.',
    licence: 'cc-by',
    sourceType: 'primary_source',
    approved: false,
    datasetCount: 3,
  },
  coastal: {
    key: 'coastal',
    id: '35d54a24-c1f0-49fe-915d-274bdc4c4638',
    shortName: 'coastal-resilience',
    name: 'Coastal Resilience Network',
    identifier: 'PH-SEC-CN201234567',
    type: '23',
    country: 'PH',
    language: 'en',
    region: '798',
    website: 'https://coastal-resilience.example.org',
    description: 'Mangrove restoration and storm preparedness.',
    licence: 'cc-by',
    sourceType: 'primary_source',
    approved: true,
    datasetCount: 6,
  },
  openAidResearch: {
    key: 'openAidResearch',
    id: '8c1f257b-63a8-4541-b248-c22a1b079c37',
    shortName: 'open-aid-research',
    name: 'Institute for Open Aid Research',
    identifier: 'DE-VR-12345',
    type: '80',
    country: 'DE',
    language: 'de',
    region: null,
    website: 'https://open-aid-research.example.org',
    description: 'Research on aid transparency; republishes partner data.',
    licence: 'odc-odbl',
    sourceType: 'secondary_source',
    approved: true,
    datasetCount: 4,
  },
  andesRoads: {
    key: 'andesRoads',
    id: '963ce3d2-c1d4-4597-a6e0-7f57da159182',
    shortName: 'andes-rural-roads',
    name: 'Andes Rural Roads Programme',
    identifier: 'PE-RUC-20123456789',
    type: '10',
    country: 'PE',
    language: 'es',
    region: '489',
    website: 'https://andes-roads.example.gob',
    description: 'Public works programme for rural road access.',
    licence: 'cc-by',
    sourceType: 'primary_source',
    approved: true,
    datasetCount: 7,
  },
  lakeside: {
    key: 'lakeside',
    id: '915c02aa-b6c3-440d-ac8f-a523255eefc3',
    shortName: 'lakeside-children',
    name: "Lakeside Children's Fund",
    identifier: 'GB-CHC-7654321',
    type: '21',
    country: 'GB',
    language: 'en',
    region: null,
    website: 'https://lakeside-children.example.org',
    description: 'Child protection and family support.',
    licence: 'cc-by',
    sourceType: 'primary_source',
    approved: true,
    datasetCount: 5,
  },
  unityRefugee: {
    key: 'unityRefugee',
    id: '5b16664f-81fe-4453-bce5-076ad7a1daa7',
    shortName: 'unity-refugee-support',
    name: 'Unity Refugee Support',
    identifier: 'JO-MSD-1234',
    type: '22',
    country: 'JO',
    language: 'ar',
    region: '589',
    website: 'https://unity-refugee.example.org',
    description: 'Shelter, cash assistance and legal aid for refugees.',
    licence: 'cc-zero',
    sourceType: 'primary_source',
    approved: true,
    datasetCount: 3,
  },
  greenfield: {
    key: 'greenfield',
    id: '0d5d524c-1bb2-4c16-8ed0-3eb8e293d549',
    shortName: 'greenfield-agri-bank',
    name: 'Greenfield Agricultural Bank',
    identifier: 'GH-RGD-CS123456789',
    type: '70',
    country: 'GH',
    language: 'en',
    region: '289',
    website: 'https://greenfield-agri.example.com',
    description: 'Credit lines for smallholder farmers.',
    licence: 'cc-by',
    sourceType: 'primary_source',
    approved: true,
    datasetCount: 4,
  },
};

export const seedOrgList: SeedOrg[] = Object.values(seedOrgs);

/** People who are not sign-in personas but administer the other orgs. */
export const seedExtraUsers = [
  {
    uid: 'a5dedce0-c935-4840-bf32-81a252729be6',
    name: 'Priya Raman',
    email: 'priya@meridian-climate.example.org',
  },
  {
    uid: '5c956038-3b14-4ae0-b672-c052ee876b84',
    name: 'Jonas Berg',
    email: 'jonas@bluepeak.example.com',
  },
  {
    uid: '58162f8d-dae2-444c-bed3-f7b8952e83c6',
    name: 'Amina Diallo',
    email: 'amina@lakeside-children.example.org',
  },
] as const;

const [priya, jonas, amina] = seedExtraUsers;

export type SeedMembership = {
  orgKey: SeedOrgKey;
  uid: string;
  role: MembershipRoleName;
};

export const seedMemberships: SeedMembership[] = [
  { orgKey: 'riverlands', uid: personas.admin.uid, role: 'admin' },
  { orgKey: 'riverlands', uid: personas.editor.uid, role: 'editor' },
  { orgKey: 'riverlands', uid: personas.contributor.uid, role: 'contributor' },
  { orgKey: 'kestrel', uid: personas.admin.uid, role: 'admin' },
  { orgKey: 'sahel', uid: personas.admin.uid, role: 'admin' },
  { orgKey: 'sahel', uid: personas.pending.uid, role: 'contributor_pending' },
  { orgKey: 'openHarvest', uid: personas.admin.uid, role: 'admin' },
  { orgKey: 'meridian', uid: priya.uid, role: 'admin' },
  { orgKey: 'bluepeak', uid: jonas.uid, role: 'admin' },
  { orgKey: 'coastal', uid: priya.uid, role: 'admin' },
  { orgKey: 'openAidResearch', uid: jonas.uid, role: 'admin' },
  { orgKey: 'andesRoads', uid: priya.uid, role: 'admin' },
  { orgKey: 'lakeside', uid: amina.uid, role: 'admin' },
  { orgKey: 'unityRefugee', uid: amina.uid, role: 'admin' },
  { orgKey: 'greenfield', uid: serviceAccount.uid, role: 'admin' },
  { orgKey: 'greenfield', uid: jonas.uid, role: 'admin' },
];

/** demoTools.publishingTool is authorised for these orgs. */
export const seedToolAuthorisations: {
  tid: string;
  orgKey: SeedOrgKey;
}[] = [
  { tid: demoTools.publishingTool.tid, orgKey: 'kestrel' },
  { tid: demoTools.publishingTool.tid, orgKey: 'sahel' },
];

/** Tool admin users: they hold no regular org role. */
export const seedToolAdmins: { tid: string; uid: string }[] = [
  { tid: demoTools.publishingTool.tid, uid: personas.toolAdmin.uid },
];

export const seedSuperadmins: string[] = [personas.superadmin.uid];

export type SeedDataset = {
  shortName: string;
  title: string;
  fileType: 'activity' | 'organisation';
  /** IATI Language code; null where the publisher did not state one. */
  language: string | null;
  visibility: 'public' | 'private';
  licenceId: string;
  sourceType: 'primary_source' | 'secondary_source';
  url: string;
};

const DATASET_TOPICS = [
  'Activities',
  'Country programme',
  'Emergency response',
  'Grants',
  'Partnerships',
  'Regional projects',
  'Research',
  'Training',
  'Infrastructure',
  'Monitoring',
];

/**
 * The datasets of one seed org: the first is its organisation file, the rest
 * activity files; every seventh is private; every fifth states no language,
 * the others the org's. Short names are `<org>-<n>` or `<org>-org`, unique
 * across the seed.
 */
export function listSeedDatasets(org: SeedOrg): SeedDataset[] {
  const result: SeedDataset[] = [];
  for (let index = 0; index < org.datasetCount; index += 1) {
    const isOrgFile = index === 0;
    const number = String(index).padStart(2, '0');
    const topic = DATASET_TOPICS[index % DATASET_TOPICS.length] ?? 'Activities';
    const shortName = isOrgFile
      ? `${org.shortName}-org`
      : `${org.shortName}-${number}`;
    result.push({
      shortName,
      title: isOrgFile
        ? `${org.name} organisation file`
        : `${org.name} ${topic} ${number}`,
      fileType: isOrgFile ? 'organisation' : 'activity',
      language: index % 5 === 4 ? null : org.language,
      visibility: index > 0 && index % 7 === 0 ? 'private' : 'public',
      licenceId: org.licence,
      sourceType: org.sourceType,
      url: `${org.website}/iati/${shortName}.xml`,
    });
  }

  return result;
}
