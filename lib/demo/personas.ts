/**
 * Demo people, OAuth clients and tools shared by the bundled identity service
 * and the RYD seed, so that an identity `iatiRegistryId` always names the RYD
 * user that holds the roles. Local use only: these passwords are printed by
 * `npm start`.
 */

export type PersonaKey =
  | 'superadmin'
  | 'admin'
  | 'editor'
  | 'contributor'
  | 'pending'
  | 'toolAdmin'
  | 'newcomer';

export type Persona = {
  key: PersonaKey;
  /** Identity account id: the `sub` claim. Never used by RYD for access. */
  sub: string;
  /** RYD user id: the `iatiRegistryId` claim and the `uid` of the contract. */
  uid: string;
  name: string;
  email: string;
  password: string;
  /** What the persona is for, shown by `npm start`. */
  summary: string;
  /** Userinfo `roles` claim values. */
  identityRoles: string[];
};

const RYD_USER_ROLE = 'iati_register_your_data';
const SUPERADMIN_ROLE = 'iati_superadmin';

export const personas: Record<PersonaKey, Persona> = {
  superadmin: {
    key: 'superadmin',
    sub: 'acct-sam-secretariat',
    uid: '083d1e80-6896-40ef-ba6f-7f240bb9ee93',
    name: 'Sam Secretariat',
    email: 'sam@secretariat.example',
    password: 'sam-demo-pass',
    summary: 'IATI Secretariat superadmin: reaches every organisation',
    identityRoles: [RYD_USER_ROLE, SUPERADMIN_ROLE],
  },
  admin: {
    key: 'admin',
    sub: 'acct-ada-admin',
    uid: 'cabaae4a-c1e1-4e4a-aba1-2c62e300f150',
    name: 'Ada Admin',
    email: 'ada@publisher.example',
    password: 'ada-demo-pass',
    summary: 'admin of several organisations',
    identityRoles: [RYD_USER_ROLE],
  },
  editor: {
    key: 'editor',
    sub: 'acct-eddie-editor',
    uid: '359108f7-9d7f-4835-8b9f-649322a859f6',
    name: 'Eddie Editor',
    email: 'eddie@publisher.example',
    password: 'eddie-demo-pass',
    summary: 'editor of one organisation',
    identityRoles: [RYD_USER_ROLE],
  },
  contributor: {
    key: 'contributor',
    sub: 'acct-cora-contributor',
    uid: '58e4027f-1b2f-4768-9dc5-f2860144ab22',
    name: 'Cora Contributor',
    email: 'cora@publisher.example',
    password: 'cora-demo-pass',
    summary: 'contributor of one organisation',
    identityRoles: [RYD_USER_ROLE],
  },
  pending: {
    key: 'pending',
    sub: 'acct-pat-pending',
    uid: '16081128-0f74-46d3-816b-fd390f557d44',
    name: 'Pat Pending',
    email: 'pat@newpublisher.example',
    password: 'pat-demo-pass',
    summary: 'has a join request waiting for approval',
    identityRoles: [RYD_USER_ROLE],
  },
  toolAdmin: {
    key: 'toolAdmin',
    sub: 'acct-toby-tool',
    uid: '7bc80f0f-46ea-456b-9a55-bb780c7d8648',
    name: 'Toby Tool',
    email: 'toby@toolmaker.example',
    password: 'toby-demo-pass',
    summary: 'admin user of the Demo Publishing Tool (provider admin)',
    identityRoles: [RYD_USER_ROLE],
  },
  newcomer: {
    key: 'newcomer',
    sub: 'acct-nora-newcomer',
    uid: '316ae497-70b1-404a-a19d-54249b7833bb',
    name: 'Nora Newcomer',
    email: 'nora@newcomer.example',
    password: 'nora-demo-pass',
    summary: 'no organisation yet',
    identityRoles: [RYD_USER_ROLE],
  },
};

export const personaList: Persona[] = Object.values(personas);

/**
 * The identity of the machine-to-machine client: client-credentials tokens
 * carry this `iatiRegistryId`, which the RYD seed makes admin of one
 * organisation.
 */
export const serviceAccount = {
  uid: '0197090f-599e-4de2-8446-007e9aa72dd4',
  name: 'Demo Integration Service',
  email: 'integration@publisher.example',
} as const;

/** OAuth clients registered with the bundled identity service. */
export const demoClients = {
  /** The web app itself (confidential, authorization code + refresh). */
  web: { clientId: 'iati-account-web', clientSecret: 'dev-web-secret' },
  /**
   * A second tool's client: the web app can sign in through it too, to act
   * as a provider admin and to show SSO across tools.
   */
  tool: { clientId: 'demo-publishing-tool', clientSecret: 'dev-tool-secret' },
  /** Machine to machine (client credentials), admin of one organisation. */
  machine: { clientId: 'demo-integration', clientSecret: 'dev-m2m-secret' },
} as const;

/** Tools registered in RYD. The first one's client is `demoClients.tool`. */
export const demoTools = {
  publishingTool: {
    tid: '06f56692-07d1-4f75-96c5-01cce8263ce0',
    name: 'Demo Publishing Tool',
    provider: 'Toolmaker Ltd',
    clientId: demoClients.tool.clientId,
  },
  spreadsheetTool: {
    tid: '3a841b2e-6a7e-42ea-9290-5bbd979617a0',
    name: 'Spreadsheet Converter',
    provider: 'Open Data Helpers',
    clientId: 'spreadsheet-converter',
  },
} as const;

/** The RYD audience the identity service puts in access tokens. */
export const RYD_AUDIENCE = 'iati_register_your_data';
