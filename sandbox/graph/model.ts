// Shapes of the simulated directory objects and the property catalogue that
// drives validation, $select and default projections.

export type PropValue = string | boolean | string[] | null
export type PropKind = 'string' | 'boolean' | 'strings'

export interface UserRecord {
  id: string
  /** Graph properties by their Graph name (createdDateTime included). */
  props: Record<string, PropValue>
  /** Write-only in Graph: kept to honour resets, never serialised. */
  password: string
  forceChangePasswordNextSignIn: boolean
}

export interface GroupRecord {
  id: string
  props: Record<string, PropValue>
  /** Member user ids, in insertion order, without duplicates. */
  members: string[]
}

interface PropertyInfo {
  kind: PropKind
  /** Part of the properties Graph returns when there is no $select. */
  defaultSet?: boolean
  /** Set by the service; a client sending it gets a 400. */
  readOnly?: boolean
}

/**
 * The user properties the sandbox models. Graph v1.0 returns only the
 * "default set" (businessPhones ... userPrincipalName) unless $select asks for
 * more, so connectors that need department or accountEnabled must $select
 * them; the sandbox reproduces that rather than being more generous.
 */
export const USER_PROPERTIES: Record<string, PropertyInfo> = {
  id: { kind: 'string', defaultSet: true, readOnly: true },
  businessPhones: { kind: 'strings', defaultSet: true },
  displayName: { kind: 'string', defaultSet: true },
  givenName: { kind: 'string', defaultSet: true },
  jobTitle: { kind: 'string', defaultSet: true },
  mail: { kind: 'string', defaultSet: true },
  mobilePhone: { kind: 'string', defaultSet: true },
  officeLocation: { kind: 'string', defaultSet: true },
  preferredLanguage: { kind: 'string', defaultSet: true },
  surname: { kind: 'string', defaultSet: true },
  userPrincipalName: { kind: 'string', defaultSet: true },
  accountEnabled: { kind: 'boolean' },
  city: { kind: 'string' },
  companyName: { kind: 'string' },
  country: { kind: 'string' },
  createdDateTime: { kind: 'string', readOnly: true },
  department: { kind: 'string' },
  employeeId: { kind: 'string' },
  employeeType: { kind: 'string' },
  mailNickname: { kind: 'string' },
  otherMails: { kind: 'strings' },
  passwordPolicies: { kind: 'string' },
  postalCode: { kind: 'string' },
  state: { kind: 'string' },
  streetAddress: { kind: 'string' },
  usageLocation: { kind: 'string' },
  userType: { kind: 'string' },
}

/** Relationships of a user: real Graph sets them through their own /$ref. */
export const USER_NAVIGATION_PROPERTIES = [
  'manager',
  'memberOf',
  'directReports',
  'ownedObjects',
  'transitiveMemberOf',
]

/** Group properties, all in Graph's default set for a single-group GET. */
export const GROUP_PROPERTIES: Record<string, PropertyInfo> = {
  id: { kind: 'string', defaultSet: true, readOnly: true },
  deletedDateTime: { kind: 'string', defaultSet: true, readOnly: true },
  classification: { kind: 'string', defaultSet: true },
  createdDateTime: { kind: 'string', defaultSet: true, readOnly: true },
  description: { kind: 'string', defaultSet: true },
  displayName: { kind: 'string', defaultSet: true },
  expirationDateTime: { kind: 'string', defaultSet: true, readOnly: true },
  groupTypes: { kind: 'strings', defaultSet: true },
  isAssignableToRole: { kind: 'boolean', defaultSet: true },
  mail: { kind: 'string', defaultSet: true, readOnly: true },
  mailEnabled: { kind: 'boolean', defaultSet: true },
  mailNickname: { kind: 'string', defaultSet: true },
  membershipRule: { kind: 'string', defaultSet: true },
  membershipRuleProcessingState: { kind: 'string', defaultSet: true },
  onPremisesSyncEnabled: { kind: 'boolean', defaultSet: true },
  preferredDataLocation: { kind: 'string', defaultSet: true },
  preferredLanguage: { kind: 'string', defaultSet: true },
  proxyAddresses: { kind: 'strings', defaultSet: true, readOnly: true },
  renewedDateTime: { kind: 'string', defaultSet: true, readOnly: true },
  securityEnabled: { kind: 'boolean', defaultSet: true },
  securityIdentifier: { kind: 'string', defaultSet: true, readOnly: true },
  theme: { kind: 'string', defaultSet: true },
  visibility: { kind: 'string', defaultSet: true },
}

export function defaultSetOf(catalogue: Record<string, PropertyInfo>) {
  return Object.keys(catalogue).filter((name) => catalogue[name]?.defaultSet)
}
