/**
 * The demo tenant (Contoso) seeded on an emulator's first start. Every id is hard-coded and stable: other
 * parts of groupbot (Playground config, tests, docs) refer to these constants. Documented in
 * graph-emulator/README.md. Pure data; no I/O.
 */
import {
  GLOBAL_ADMINISTRATOR,
  GROUPS_ADMINISTRATOR,
  GUEST_INVITER,
  LICENSE_ADMINISTRATOR,
  USER_ADMINISTRATOR,
} from '../directory/directory-roles';

export const DEMO_TENANT_ID = '5a1c0f3e-8d2b-4c6a-9e7f-3b1d2c4e6f80';
export const DEMO_TENANT_NAME = 'Contoso';
export const DEMO_DOMAIN = 'contoso.com';
export const DEMO_INITIAL_DOMAIN = 'contoso.onmicrosoft.com';

export interface DemoUser {
  id: string;
  upn: string;
  displayName: string;
  givenName: string;
  surname: string;
  jobTitle: string | null;
  department: string | null;
  city: string;
  country: string;
  officeLocation: string | null;
  usageLocation: string;
  roles?: string[];
  /** Short key of the manager in DEMO_USERS. */ managerKey?: string;
  guest?: boolean;
  mail?: string;
  accountEnabled?: boolean;
  preferredLanguage?: string;
  employeeId?: string;
}

const u = <T extends Record<string, DemoUser>>(x: T): T => x;

/** Demo users by short key. */
export const DEMO_USERS = u({
  megan: {
    id: '6486e8ef-6e2d-4af9-bcd8-9ae6325d137c',
    upn: 'megan@contoso.com',
    displayName: 'Megan Bowen',
    givenName: 'Megan',
    surname: 'Bowen',
    jobTitle: 'Marketing Manager',
    department: 'Marketing',
    city: 'Pittsburgh',
    country: 'United States',
    officeLocation: '12/1110',
    usageLocation: 'US',
    roles: [GLOBAL_ADMINISTRATOR],
    managerKey: 'patti',
  },
  alex: {
    id: '9e71087c-b75d-43ec-b9ed-18a0b1b9935e',
    upn: 'alex@contoso.com',
    displayName: 'Alex Wilber',
    givenName: 'Alex',
    surname: 'Wilber',
    jobTitle: 'IT Director',
    department: 'IT',
    city: 'San Diego',
    country: 'United States',
    officeLocation: '131/1104',
    usageLocation: 'US',
    roles: [GLOBAL_ADMINISTRATOR],
    managerKey: 'patti',
  },
  ana: {
    id: '17da675f-27c5-4df3-8e3d-7b27d437674d',
    upn: 'ana@contoso.com',
    displayName: 'Ana Silva',
    givenName: 'Ana',
    surname: 'Silva',
    jobTitle: 'Marketing Specialist',
    department: 'Marketing',
    city: 'Lisbon',
    country: 'Portugal',
    officeLocation: '20/1101',
    usageLocation: 'PT',
    managerKey: 'megan',
    preferredLanguage: 'pt-PT',
  },
  anaSouza: {
    id: '46b0c53d-d1c9-4189-b186-3ccca495a849',
    upn: 'ana.souza@contoso.com',
    displayName: 'Ana Souza',
    givenName: 'Ana',
    surname: 'Souza',
    jobTitle: 'Account Executive',
    department: 'Sales',
    city: 'São Paulo',
    country: 'Brazil',
    officeLocation: '30/2201',
    usageLocation: 'BR',
    managerKey: 'miriam',
    preferredLanguage: 'pt-BR',
  },
  bob: {
    id: '5857c451-a528-4bcc-bdab-3ab6d7402e69',
    upn: 'bob@contoso.com',
    displayName: 'Bob Kelly',
    givenName: 'Bob',
    surname: 'Kelly',
    jobTitle: 'Security Engineer',
    department: 'IT',
    city: 'Seattle',
    country: 'United States',
    officeLocation: '18/2111',
    usageLocation: 'US',
    managerKey: 'alex',
  },
  olga: {
    id: '918ae99d-e28c-46f7-8d25-c03d4aa5e150',
    upn: 'olga@contoso.com',
    displayName: 'Olga Owner',
    givenName: 'Olga',
    surname: 'Owner',
    jobTitle: 'Finance Manager',
    department: 'Finance',
    city: 'Seattle',
    country: 'United States',
    officeLocation: '18/1106',
    usageLocation: 'US',
    roles: [GUEST_INVITER],
    managerKey: 'patti',
  },
  grace: {
    id: '8579b3d6-720d-4c80-bbb4-6b7dcb6ddaff',
    upn: 'grace@contoso.com',
    displayName: 'Grace Taylor',
    givenName: 'Grace',
    surname: 'Taylor',
    jobTitle: 'Collaboration Administrator',
    department: 'IT',
    city: 'Redmond',
    country: 'United States',
    officeLocation: '19/3123',
    usageLocation: 'US',
    roles: [GROUPS_ADMINISTRATOR],
    managerKey: 'alex',
  },
  isaiah: {
    id: '94bf4861-4803-4792-9dde-ce8f1003c352',
    upn: 'isaiah@contoso.com',
    displayName: 'Isaiah Langer',
    givenName: 'Isaiah',
    surname: 'Langer',
    jobTitle: 'Identity Administrator',
    department: 'IT',
    city: 'Tulsa',
    country: 'United States',
    officeLocation: '20/1101',
    usageLocation: 'US',
    roles: [USER_ADMINISTRATOR],
    managerKey: 'alex',
  },
  lynne: {
    id: 'fdbf6236-99c0-49e8-9238-2a46e8c5a720',
    upn: 'lynne@contoso.com',
    displayName: 'Lynne Robbins',
    givenName: 'Lynne',
    surname: 'Robbins',
    jobTitle: 'Licensing Coordinator',
    department: 'IT',
    city: 'Tulsa',
    country: 'United States',
    officeLocation: '20/1104',
    usageLocation: 'US',
    roles: [LICENSE_ADMINISTRATOR],
    managerKey: 'alex',
  },
  pat: {
    id: '7677addd-cb7c-408d-abe1-066ca79b4fd3',
    upn: 'pat_fabrikam.com#EXT#@contoso.onmicrosoft.com',
    displayName: 'Pat Partner',
    givenName: 'Pat',
    surname: 'Partner',
    jobTitle: null,
    department: null,
    city: 'Toronto',
    country: 'Canada',
    officeLocation: null,
    usageLocation: 'CA',
    guest: true,
    mail: 'pat@fabrikam.com',
  },
  liam: {
    id: '582aa368-a007-44e9-b7fd-7b1dd6e3d1c7',
    upn: 'liam.obrien@contoso.com',
    displayName: "Liam O'Brien",
    givenName: 'Liam',
    surname: "O'Brien",
    jobTitle: 'Sales Representative',
    department: 'Sales',
    city: 'Dublin',
    country: 'Ireland',
    officeLocation: '40/1102',
    usageLocation: 'IE',
    managerKey: 'miriam',
  },
  zoe: {
    id: 'a2d0188d-4a56-4437-a749-d85c30ba17e5',
    upn: 'zoe.muller@contoso.com',
    displayName: 'Zoë Müller',
    givenName: 'Zoë',
    surname: 'Müller',
    jobTitle: 'Software Engineer',
    department: 'Engineering',
    city: 'Berlin',
    country: 'Germany',
    officeLocation: '50/3301',
    usageLocation: 'DE',
    managerKey: 'lee',
    preferredLanguage: 'de-DE',
  },
  jose: {
    id: '6fa6f4c3-5854-47df-868a-83692e4d2277',
    upn: 'jose.alvarez@contoso.com',
    displayName: 'José Álvarez',
    givenName: 'José',
    surname: 'Álvarez',
    jobTitle: 'Sales Manager',
    department: 'Sales',
    city: 'Madrid',
    country: 'Spain',
    officeLocation: '41/1201',
    usageLocation: 'ES',
    managerKey: 'miriam',
    preferredLanguage: 'es-ES',
  },
  ngoc: {
    id: '4582e3a7-da3b-46e9-ad77-6f11274b182e',
    upn: 'ngoc.tran@contoso.com',
    displayName: 'Ngọc Trần',
    givenName: 'Ngọc',
    surname: 'Trần',
    jobTitle: 'Research Scientist',
    department: 'Research',
    city: 'Hanoi',
    country: 'Vietnam',
    officeLocation: '60/1105',
    usageLocation: 'VN',
    managerKey: 'lee',
    preferredLanguage: 'vi-VN',
  },
  francois: {
    id: '9094a9bc-3561-48bd-8a0e-2807e0428f77',
    upn: 'francois.dubois@contoso.com',
    displayName: 'François Dubois',
    givenName: 'François',
    surname: 'Dubois',
    jobTitle: 'Brand Manager',
    department: 'Marketing',
    city: 'Paris',
    country: 'France',
    officeLocation: '70/1203',
    usageLocation: 'FR',
    managerKey: 'megan',
    preferredLanguage: 'fr-FR',
  },
  diego: {
    id: '3a6ca87f-c4c7-44b4-893e-9d69419c1bfb',
    upn: 'diego@contoso.com',
    displayName: 'Diego Siciliani',
    givenName: 'Diego',
    surname: 'Siciliani',
    jobTitle: 'HR Manager',
    department: 'HR',
    city: 'Birmingham',
    country: 'United States',
    officeLocation: '14/1108',
    usageLocation: 'US',
    managerKey: 'patti',
  },
  adele: {
    id: '85162c53-f917-407f-b947-5aa4ee5f11c3',
    upn: 'adele@contoso.com',
    displayName: 'Adele Vance',
    givenName: 'Adele',
    surname: 'Vance',
    jobTitle: 'Retail Manager',
    department: 'Retail',
    city: 'Seattle',
    country: 'United States',
    officeLocation: '18/2111',
    usageLocation: 'US',
    managerKey: 'patti',
  },
  lee: {
    id: 'ed2e8328-18d9-494d-8915-9932094dfa75',
    upn: 'lee@contoso.com',
    displayName: 'Lee Gu',
    givenName: 'Lee',
    surname: 'Gu',
    jobTitle: 'Director of Engineering',
    department: 'Engineering',
    city: 'Redmond',
    country: 'United States',
    officeLocation: '23/3101',
    usageLocation: 'US',
    managerKey: 'patti',
  },
  lidia: {
    id: '895b2b4c-15cc-4d7b-b72f-4c338dfd87ac',
    upn: 'lidia@contoso.com',
    displayName: 'Lidia Holloway',
    givenName: 'Lidia',
    surname: 'Holloway',
    jobTitle: 'Product Manager',
    department: 'Engineering',
    city: 'Tulsa',
    country: 'United States',
    officeLocation: '20/2107',
    usageLocation: 'US',
    managerKey: 'lee',
  },
  nestor: {
    id: '53b581d0-296f-49ec-8071-211a0fac1c7f',
    upn: 'nestor@contoso.com',
    displayName: 'Nestor Wilke',
    givenName: 'Nestor',
    surname: 'Wilke',
    jobTitle: 'Operations Director',
    department: 'Operations',
    city: 'Seattle',
    country: 'United States',
    officeLocation: '36/2121',
    usageLocation: 'US',
    managerKey: 'patti',
  },
  patti: {
    id: 'e5633540-e027-46f4-99be-85ad538f8491',
    upn: 'patti@contoso.com',
    displayName: 'Patti Fernandez',
    givenName: 'Patti',
    surname: 'Fernandez',
    jobTitle: 'President',
    department: 'Executive Management',
    city: 'Louisville',
    country: 'United States',
    officeLocation: '15/1102',
    usageLocation: 'US',
  },
  pradeep: {
    id: '764a7f94-3ccb-46f1-8708-5f999e7ebc49',
    upn: 'pradeep@contoso.com',
    displayName: 'Pradeep Gupta',
    givenName: 'Pradeep',
    surname: 'Gupta',
    jobTitle: 'Accountant',
    department: 'Finance',
    city: 'Cairo',
    country: 'Egypt',
    officeLocation: '98/2202',
    usageLocation: 'EG',
    managerKey: 'olga',
  },
  miriam: {
    id: 'a8ef22ce-817b-4caf-b6ce-1064a4998c4f',
    upn: 'miriam@contoso.com',
    displayName: 'Miriam Graham',
    givenName: 'Miriam',
    surname: 'Graham',
    jobTitle: 'Director of Sales',
    department: 'Sales',
    city: 'San Diego',
    country: 'United States',
    officeLocation: '131/2103',
    usageLocation: 'US',
    managerKey: 'patti',
  },
  joni: {
    id: 'cafd1f4a-f8ad-4336-b52e-cd6bc85bb6ff',
    upn: 'joni@contoso.com',
    displayName: 'Joni Sherman',
    givenName: 'Joni',
    surname: 'Sherman',
    jobTitle: 'Paralegal',
    department: 'Legal',
    city: 'Charlotte',
    country: 'United States',
    officeLocation: '20/1109',
    usageLocation: 'US',
    managerKey: 'enrico',
  },
  enrico: {
    id: '3bc343cb-f168-45d5-99bc-a371ff533f6c',
    upn: 'enrico@contoso.com',
    displayName: 'Enrico Cattaneo',
    givenName: 'Enrico',
    surname: 'Cattaneo',
    jobTitle: 'Attorney',
    department: 'Legal',
    city: 'Milan',
    country: 'Italy',
    officeLocation: '14/1109',
    usageLocation: 'IT',
    managerKey: 'patti',
    preferredLanguage: 'it-IT',
  },
  johanna: {
    id: '0c9d931e-caf9-432a-8c42-07abf553781d',
    upn: 'johanna@contoso.com',
    displayName: 'Johanna Lorenz',
    givenName: 'Johanna',
    surname: 'Lorenz',
    jobTitle: 'Senior Engineer',
    department: 'Engineering',
    city: 'Berlin',
    country: 'Germany',
    officeLocation: '50/3302',
    usageLocation: 'DE',
    managerKey: 'lee',
  },
  henrietta: {
    id: '0508b2a7-9c25-4b54-a98a-34bc5c80c686',
    upn: 'henrietta@contoso.com',
    displayName: 'Henrietta Mueller',
    givenName: 'Henrietta',
    surname: 'Mueller',
    jobTitle: 'Developer',
    department: 'Engineering',
    city: 'Seattle',
    country: 'United States',
    officeLocation: '18/1106',
    usageLocation: 'US',
    managerKey: 'lee',
  },
  christie: {
    id: '5c37a160-8d15-488e-9ca7-82ec531b14eb',
    upn: 'christie@contoso.com',
    displayName: 'Christie Cline',
    givenName: 'Christie',
    surname: 'Cline',
    jobTitle: 'Buyer',
    department: 'Sales',
    city: 'San Diego',
    country: 'United States',
    officeLocation: '131/2105',
    usageLocation: 'US',
    managerKey: 'miriam',
  },
  debra: {
    id: '987c8ede-b59a-45e0-9fd7-0e36853a4544',
    upn: 'debra@contoso.com',
    displayName: 'Debra Berger',
    givenName: 'Debra',
    surname: 'Berger',
    jobTitle: 'Administrative Assistant',
    department: 'Executive Management',
    city: 'Bellevue',
    country: 'United States',
    officeLocation: '18/2107',
    usageLocation: 'US',
    managerKey: 'patti',
  },
  raul: {
    id: 'd57fae8f-455b-43c8-b997-71833f1162df',
    upn: 'raul@contoso.com',
    displayName: 'Raul Razo',
    givenName: 'Raul',
    surname: 'Razo',
    jobTitle: 'Contractor',
    department: 'Operations',
    city: 'Seattle',
    country: 'United States',
    officeLocation: null,
    usageLocation: 'US',
    managerKey: 'nestor',
    accountEnabled: false,
  },
});
export type DemoUserKey = keyof typeof DEMO_USERS;

export interface DemoGroup {
  id: string;
  displayName: string;
  mailNickname: string;
  description: string | null;
  kind: 'microsoft365' | 'security' | 'mailEnabledSecurity' | 'distribution';
  securityEnabled?: boolean;
  visibility?: 'Public' | 'Private' | 'HiddenMembership' | null;
  dynamicRule?: string;
  ruleState?: 'On' | 'Paused';
  owners?: DemoUserKey[];
  members?: DemoUserKey[];
  memberGroups?: DemoGroupKey[];
  licenses?: string[];
  deleted?: boolean;
  isAssignableToRole?: boolean;
  createdDateTime?: string;
  mail?: string;
  classification?: string;
  /** Under the demo lifecycle policy: last renewed this many days before seeding. */ renewedDaysAgo?: number;
}

// Group keys are declared first so groups can nest by key.
type DemoGroupKey =
  | 'outlookGroup101'
  | 'securityGroup101'
  | 'designTeam'
  | 'marketing'
  | 'marketingDepartment'
  | 'salesAndMarketing'
  | 'sales'
  | 'researchAndDevelopment'
  | 'projectFalconM365'
  | 'projectFalconSecurity'
  | 'legal'
  | 'financeReaders'
  | 'financeAlerts'
  | 'allCompanyNews'
  | 'engineeringAll'
  | 'engineeringPlatform'
  | 'platformCore'
  | 'identityServices'
  | 'directorySquad'
  | 'executiveLeadership'
  | 'licensedE5'
  | 'seattleEmployees'
  | 'helpdeskAdmins'
  | 'oldProjectPhoenix'
  | 'vendorPortal';

/** Demo groups by short key. */
export const DEMO_GROUPS: Record<DemoGroupKey, DemoGroup> = {
  outlookGroup101: {
    id: '4c5ee71b-e6a5-4343-9e2c-4244bc7e0938',
    displayName: 'OutlookGroup101',
    mailNickname: 'outlookgroup101',
    description: 'This is a Microsoft 365 group',
    kind: 'microsoft365',
    securityEnabled: false,
    visibility: 'Public',
    mail: 'outlookgroup101@service.microsoft.com',
    classification: 'MBI',
    createdDateTime: '2016-08-23T14:46:56Z',
    owners: ['megan'],
    members: ['megan', 'adele'],
    renewedDaysAgo: 175,
  },
  securityGroup101: {
    id: 'f87faa71-57a8-4c14-91f0-517f54645106',
    displayName: 'SecurityGroup101',
    mailNickname: 'SecurityGroup101',
    description: 'This group is a security group',
    kind: 'security',
    visibility: null,
    createdDateTime: '2016-08-23T14:46:56Z',
    owners: ['bob'],
    members: ['bob', 'henrietta'],
    memberGroups: ['designTeam'],
  },
  designTeam: {
    id: 'ae9efb39-c772-4fad-8fc1-d2a3a7eedbd0',
    displayName: 'Design Team',
    mailNickname: 'designteam',
    description: 'Product and visual designers',
    kind: 'security',
    owners: ['lidia'],
    members: ['ana', 'lidia'],
  },
  marketing: {
    id: '9fad3235-e6d7-4bc9-93fb-058d0748357d',
    displayName: 'Marketing',
    mailNickname: 'marketing',
    description: 'Marketing team (static membership)',
    kind: 'microsoft365',
    securityEnabled: false,
    owners: ['olga', 'megan'],
    members: ['megan', 'ana', 'francois'],
    renewedDaysAgo: 160,
  },
  marketingDepartment: {
    id: '44bb2db2-f707-451a-93f6-848ee007e230',
    displayName: 'Marketing department',
    mailNickname: 'marketingdepartment',
    description: 'Everyone in the Marketing department (dynamic)',
    kind: 'microsoft365',
    securityEnabled: false,
    dynamicRule: 'user.department -eq "Marketing"',
    ruleState: 'On',
    owners: ['megan'],
  },
  salesAndMarketing: {
    id: '72183db8-d468-41d5-828d-7dae4959126a',
    displayName: 'Sales and Marketing',
    mailNickname: 'salesandmarketing',
    description: 'Joint go-to-market team',
    kind: 'security',
    owners: ['miriam'],
    members: ['miriam', 'anaSouza', 'jose', 'megan'],
  },
  sales: {
    id: '61959770-1ba5-43d0-baba-d823363cbcf9',
    displayName: 'Sales',
    mailNickname: 'sales',
    description: 'Sales team',
    kind: 'microsoft365',
    securityEnabled: false,
    owners: ['miriam'],
    members: ['miriam', 'anaSouza', 'jose', 'liam', 'christie'],
    renewedDaysAgo: 30,
  },
  researchAndDevelopment: {
    id: 'dc8b55e9-7263-478b-b199-24797b05bb43',
    displayName: 'Research and Development',
    mailNickname: 'researchanddevelopment',
    description: 'R&D',
    kind: 'security',
    owners: ['lee'],
    members: ['lee', 'ngoc', 'johanna'],
  },
  projectFalconM365: {
    id: 'b86df8bb-2304-4a78-a7b0-387fb3a0ddc7',
    displayName: 'Project Falcon',
    mailNickname: 'projectfalcon',
    description: 'Project Falcon collaboration space',
    kind: 'microsoft365',
    securityEnabled: false,
    owners: ['lee'],
    members: ['lee', 'zoe', 'lidia'],
    renewedDaysAgo: 100,
  },
  projectFalconSecurity: {
    id: '141d41fe-c803-4853-a308-043ea6931f59',
    displayName: 'Project Falcon',
    mailNickname: 'projectfalcon-access',
    description: 'Access to Project Falcon resources',
    kind: 'security',
    owners: ['bob'],
    members: ['bob', 'zoe'],
  },
  legal: {
    id: 'df7fc0aa-c9ef-42db-8b3f-36ba582d8a6b',
    displayName: 'Legal',
    mailNickname: 'legal',
    description: 'Legal department',
    kind: 'microsoft365',
    securityEnabled: false,
    visibility: 'Private',
    owners: ['enrico'],
    members: ['enrico', 'joni', 'bob'],
  },
  financeReaders: {
    id: '6472b31a-f4cb-4fd3-945d-08dcba7ba0dc',
    displayName: 'Finance Readers',
    mailNickname: 'financereaders',
    description: 'Read access to finance reports',
    kind: 'security',
    owners: ['olga'],
    members: ['olga', 'pradeep'],
  },
  financeAlerts: {
    id: '821ef5f7-54bb-4c27-9d16-70895daed9e1',
    displayName: 'Finance Alerts',
    mailNickname: 'financealerts',
    description: 'Mail-enabled security group (managed in Exchange)',
    kind: 'mailEnabledSecurity',
    owners: ['olga'],
    members: ['olga', 'pradeep'],
  },
  allCompanyNews: {
    id: '4b18a38a-3770-48e2-9d4b-b874468fe5d4',
    displayName: 'All Company News',
    mailNickname: 'allcompanynews',
    description: 'Distribution list (managed in Exchange)',
    kind: 'distribution',
    owners: ['patti'],
    members: ['patti', 'debra', 'megan'],
  },
  engineeringAll: {
    id: '73498566-373c-4cb7-8818-d331b8df1709',
    displayName: 'Engineering All',
    mailNickname: 'engineeringall',
    description: 'Nesting level 1 of 5',
    kind: 'security',
    owners: ['lee'],
    members: ['lee'],
    memberGroups: ['engineeringPlatform'],
  },
  engineeringPlatform: {
    id: '7db17f6d-e357-4529-8a35-916a91a86415',
    displayName: 'Engineering Platform',
    mailNickname: 'engineeringplatform',
    description: 'Nesting level 2 of 5',
    kind: 'security',
    owners: ['lee'],
    members: ['lidia'],
    memberGroups: ['platformCore'],
  },
  platformCore: {
    id: 'be3a17da-ea49-4f09-98dc-a3f2f389bd54',
    displayName: 'Platform Core',
    mailNickname: 'platformcore',
    description: 'Nesting level 3 of 5',
    kind: 'security',
    owners: ['lee'],
    members: ['johanna'],
    memberGroups: ['identityServices'],
  },
  identityServices: {
    id: '786618c5-2fe0-4903-9ac4-b060388b50d0',
    displayName: 'Identity Services',
    mailNickname: 'identityservices',
    description: 'Nesting level 4 of 5',
    kind: 'security',
    owners: ['lee'],
    members: ['henrietta'],
    memberGroups: ['directorySquad'],
  },
  directorySquad: {
    id: '33170afd-59a2-4e69-9b58-aa4b87cbafb2',
    displayName: 'Directory Squad',
    mailNickname: 'directorysquad',
    description: 'Nesting level 5 of 5',
    kind: 'security',
    owners: ['lee'],
    members: ['zoe'],
  },
  executiveLeadership: {
    id: '559dbc1b-b6d2-4d3b-8aa3-325b8c0d3324',
    displayName: 'Executive Leadership',
    mailNickname: 'executiveleadership',
    description: 'Hidden membership',
    kind: 'microsoft365',
    securityEnabled: false,
    visibility: 'HiddenMembership',
    owners: ['patti'],
    members: ['patti', 'debra', 'lee', 'miriam'],
  },
  licensedE5: {
    id: '9d833c2a-d82d-4225-ade9-b6dda11fb4ac',
    displayName: 'Licensed E5 Users',
    mailNickname: 'licensede5users',
    description: 'Members get Office 365 E5',
    kind: 'security',
    owners: ['megan'],
    members: ['megan', 'lee', 'patti'],
    licenses: ['c7df2760-2c81-4ef7-b578-5b5392b571df'],
  },
  seattleEmployees: {
    id: '851ebdca-64c1-4d70-8fee-d9df182b664d',
    displayName: 'Seattle Employees',
    mailNickname: 'seattleemployees',
    description: 'Everyone based in Seattle (dynamic)',
    kind: 'security',
    dynamicRule: 'user.city -eq "Seattle"',
    ruleState: 'On',
    owners: ['nestor'],
  },
  helpdeskAdmins: {
    id: '16c9e343-e36c-4b96-989e-4abfcb30a68a',
    displayName: 'Helpdesk Admins',
    mailNickname: 'helpdeskadmins',
    description: 'Role-assignable group',
    kind: 'security',
    isAssignableToRole: true,
    visibility: 'Private',
    owners: ['alex'],
    members: ['isaiah'],
  },
  oldProjectPhoenix: {
    id: '61c76739-7b63-4f2e-afef-b7f954433bfc',
    displayName: 'Old Project Phoenix',
    mailNickname: 'oldprojectphoenix',
    description: 'Finished project (deleted, restorable)',
    kind: 'microsoft365',
    securityEnabled: false,
    owners: ['lee'],
    members: ['lee', 'zoe'],
    deleted: true,
  },
  vendorPortal: {
    id: '0b4f6c1e-93a2-4d57-8e0f-2c9d7a61b5e4',
    displayName: 'Vendor Portal Access',
    mailNickname: 'vendorportalaccess',
    description: 'Left without an owner when its owner moved on (shows in "group hygiene")',
    kind: 'security',
    securityEnabled: true,
    owners: [],
    members: ['nestor', 'adele', 'pat'],
  },
};

/**
 * The demo tenant's group lifecycle (expiration) policy: 180 days, Selected, covering the groups that carry
 * renewedDaysAgo (OutlookGroup101, Marketing, Sales, the Microsoft 365 Project Falcon).
 */
export const DEMO_LIFECYCLE_POLICY = {
  id: 'a7c1e0d2-5b3f-4e6a-9c8d-2f1e0b9a8c71',
  groupLifetimeInDays: 180,
  managedGroupTypes: 'Selected',
  alternateNotificationEmails: 'admin@contoso.com',
} as const;

/** Who may invite guests in the demo tenant (authorizationPolicy.allowInvitesFrom): admins and Guest Inviters (Olga). */
export const DEMO_ALLOW_INVITES_FROM = 'adminsAndGuestInviters';

export interface DemoSku {
  skuId: string;
  skuPartNumber: string;
  displayName: string;
  units: number;
  servicePlans: { servicePlanId: string; servicePlanName: string }[];
}

/** License SKUs of the demo tenant (real skuIds). EMS has few units so CountViolation is easy to reach. */
export const DEMO_SKUS: Record<'e5' | 'e3' | 'ems', DemoSku> = {
  e5: {
    skuId: 'c7df2760-2c81-4ef7-b578-5b5392b571df',
    skuPartNumber: 'ENTERPRISEPREMIUM',
    displayName: 'Office 365 E5',
    units: 25,
    servicePlans: [
      { servicePlanId: 'efb87545-963c-4e0d-99df-69c6916d9eb0', servicePlanName: 'EXCHANGE_S_ENTERPRISE' },
      { servicePlanId: '57ff2da0-773e-42df-b2af-ffb7a2317929', servicePlanName: 'TEAMS1' },
    ],
  },
  e3: {
    skuId: '05e9a617-0261-4cee-bb44-138d3ef5d965',
    skuPartNumber: 'SPE_E3',
    displayName: 'Microsoft 365 E3',
    units: 20,
    servicePlans: [
      { servicePlanId: 'efb87545-963c-4e0d-99df-69c6916d9eb0', servicePlanName: 'EXCHANGE_S_ENTERPRISE' },
      { servicePlanId: '57ff2da0-773e-42df-b2af-ffb7a2317929', servicePlanName: 'TEAMS1' },
    ],
  },
  ems: {
    skuId: 'efccb6f7-5641-4e0e-bd10-b4976e1bf68e',
    skuPartNumber: 'EMS',
    displayName: 'Enterprise Mobility + Security E3',
    units: 3,
    servicePlans: [
      { servicePlanId: '41781fb2-bc02-4b7c-bd55-b576c07bb09d', servicePlanName: 'AAD_PREMIUM' },
      { servicePlanId: 'c1ec4a95-1f05-45b3-a911-aa3fa01094f5', servicePlanName: 'INTUNE_A' },
    ],
  },
};
