// Starting content of each simulated tenant. Ids are fixed so people and
// tests can refer to them; reset() rebuilds fresh records from these tables.
import { randomBytes } from 'node:crypto'
import type { GroupRecord, UserRecord } from './model'
import { CONTOSO_SANDBOX, FABRIKAM_SANDBOX } from './tenants'

interface UserSeed {
  id: string
  upn: string
  givenName: string
  surname: string
  jobTitle: string
  department: string
  officeLocation: string
  usageLocation: string
  groups: string[]
  createdDateTime: string
}

interface GroupSeed {
  id: string
  displayName: string
  mailNickname: string
  description: string
  /** Microsoft 365 group ("Unified") instead of a mail-enabled security one. */
  unified?: boolean
  createdDateTime: string
}

interface TenantSeed {
  companyName: string
  groups: GroupSeed[]
  users: UserSeed[]
}

const SEEDS: Record<string, TenantSeed> = {
  [CONTOSO_SANDBOX.name]: {
    companyName: 'Contoso HR',
    groups: [
      group('e1a7c3d5-2b4f-4a6c-8d9e-0a1b2c3d4e11', 'HR', 'Human Resources'),
      group('e2b8d4e6-3c5a-4b7d-9eaf-1b2c3d4e5f12', 'IT', 'IT department'),
      group('e3c9e5f7-4d6b-4c8e-8fb0-2c3d4e5f6a13', 'Finance', 'Finance team'),
      group('e4dafa08-5e7c-4d9f-9ac1-3d4e5f6a7b14', 'Sales', 'Sales team'),
      {
        ...group(
          'e5ebab19-6f8d-4ea0-8bd2-4e5f6a7b8c15',
          'All Staff',
          'Everyone at Contoso HR',
        ),
        mailNickname: 'allstaff',
        unified: true,
      },
    ],
    users: [
      {
        id: 'b6c1f2a4-5e3d-4c7b-9a8e-1f2d3c4b5a01',
        upn: 'priya.raman@contoso-hr.example',
        givenName: 'Priya',
        surname: 'Raman',
        jobTitle: 'HR Manager',
        department: 'HR',
        officeLocation: 'Seattle',
        usageLocation: 'US',
        groups: ['HR', 'All Staff'],
        createdDateTime: '2024-02-05T09:12:00Z',
      },
      {
        id: 'c7d2e3b5-6f4e-4d8c-8b9f-2e3d4c5b6a02',
        upn: 'marcus.lee@contoso-hr.example',
        givenName: 'Marcus',
        surname: 'Lee',
        jobTitle: 'IT Administrator',
        department: 'IT',
        officeLocation: 'Seattle',
        usageLocation: 'US',
        groups: ['IT', 'All Staff'],
        createdDateTime: '2024-03-11T14:30:00Z',
      },
      {
        id: 'd8e3f4c6-7a5f-4e9d-9caf-3f4e5d6c7b03',
        upn: 'elena.garcia@contoso-hr.example',
        givenName: 'Elena',
        surname: 'Garcia',
        jobTitle: 'Financial Analyst',
        department: 'Finance',
        officeLocation: 'Austin',
        usageLocation: 'US',
        groups: ['Finance', 'All Staff'],
        createdDateTime: '2025-06-02T08:00:00Z',
      },
    ],
  },
  [FABRIKAM_SANDBOX.name]: {
    companyName: 'Fabrikam',
    groups: [
      group(
        'f1a2b3c4-d5e6-4f70-8a9b-0c1d2e3f4a21',
        'HR',
        'Fabrikam people team',
      ),
    ],
    users: [
      {
        id: 'f2b3c4d5-e6f7-4081-9bac-1d2e3f4a5b22',
        upn: 'sam.okafor@fabrikam.example',
        givenName: 'Sam',
        surname: 'Okafor',
        jobTitle: 'HR Coordinator',
        department: 'HR',
        officeLocation: 'Dublin',
        usageLocation: 'IE',
        groups: ['HR'],
        createdDateTime: '2025-01-20T10:45:00Z',
      },
    ],
  },
}

function group(id: string, displayName: string, description: string) {
  return {
    id,
    displayName,
    mailNickname: displayName.toLowerCase().replace(/[^a-z0-9]/g, ''),
    description,
    createdDateTime: '2024-01-15T08:00:00Z',
  } satisfies GroupSeed
}

/**
 * Entra ID derives a group's SID from its object id: the 16 GUID bytes in
 * .NET order, read as four little-endian uint32 after the S-1-12-1 prefix.
 */
export function sidFromObjectId(id: string): string {
  const hex = id.replace(/-/g, '')
  const bytes = Buffer.from(hex, 'hex')
  // .NET stores the first three GUID fields little-endian.
  const dotnet = Buffer.concat([
    Buffer.from(bytes.subarray(0, 4)).reverse(),
    Buffer.from(bytes.subarray(4, 6)).reverse(),
    Buffer.from(bytes.subarray(6, 8)).reverse(),
    bytes.subarray(8),
  ])
  const parts = [0, 4, 8, 12].map((o) => dotnet.readUInt32LE(o))
  return `S-1-12-1-${parts.join('-')}`
}

function buildGroup(seed: GroupSeed, domain: string): GroupRecord {
  const mail = `${seed.mailNickname}@${domain}`
  return {
    id: seed.id,
    members: [],
    props: {
      deletedDateTime: null,
      classification: null,
      createdDateTime: seed.createdDateTime,
      description: seed.description,
      displayName: seed.displayName,
      expirationDateTime: null,
      groupTypes: seed.unified ? ['Unified'] : [],
      isAssignableToRole: null,
      mail,
      mailEnabled: true,
      mailNickname: seed.mailNickname,
      membershipRule: null,
      membershipRuleProcessingState: null,
      onPremisesSyncEnabled: null,
      preferredDataLocation: null,
      preferredLanguage: null,
      proxyAddresses: [`SMTP:${mail}`],
      renewedDateTime: seed.createdDateTime,
      securityEnabled: !seed.unified,
      securityIdentifier: sidFromObjectId(seed.id),
      theme: null,
      visibility: seed.unified ? 'Public' : null,
    },
  }
}

function buildUser(seed: UserSeed, companyName: string): UserRecord {
  return {
    id: seed.id,
    // Seeded people never sign in here; a random password keeps it honest.
    password: randomBytes(18).toString('base64url'),
    forceChangePasswordNextSignIn: false,
    props: {
      accountEnabled: true,
      businessPhones: [],
      city: null,
      companyName,
      country: null,
      createdDateTime: seed.createdDateTime,
      department: seed.department,
      displayName: `${seed.givenName} ${seed.surname}`,
      employeeId: null,
      employeeType: null,
      givenName: seed.givenName,
      jobTitle: seed.jobTitle,
      mail: seed.upn,
      mailNickname: seed.upn.split('@')[0] ?? seed.upn,
      mobilePhone: null,
      officeLocation: seed.officeLocation,
      otherMails: [],
      passwordPolicies: null,
      postalCode: null,
      preferredLanguage: 'en-US',
      state: null,
      streetAddress: null,
      surname: seed.surname,
      usageLocation: seed.usageLocation,
      userPrincipalName: seed.upn,
      userType: 'Member',
    },
  }
}

/** Fresh, unshared records for one tenant's starting state. */
export function seedDirectory(
  tenantName: string,
  domain: string,
): { users: UserRecord[]; groups: GroupRecord[] } {
  const seed = SEEDS[tenantName]
  if (!seed) throw new Error(`no seed for tenant ${tenantName}`)
  const groups = seed.groups.map((g) => buildGroup(g, domain))
  const users = seed.users.map((u) => buildUser(u, seed.companyName))
  for (const user of seed.users) {
    for (const name of user.groups) {
      const target = groups.find((g) => g.props.displayName === name)
      if (!target) throw new Error(`seed group ${name} missing`)
      target.members.push(user.id)
    }
  }
  return { users, groups }
}
