// In-memory directory of one simulated tenant. Lookups follow Graph's rules:
// object ids and UPNs are matched case-insensitively.
import type { GroupRecord, UserRecord } from './model'
import { seedDirectory } from './seed'
import type { GraphTenant } from './tenants'

export class Directory {
  readonly users = new Map<string, UserRecord>()
  readonly groups = new Map<string, GroupRecord>()

  constructor(readonly tenant: GraphTenant) {
    this.reset()
  }

  reset(): void {
    const primaryDomain = this.tenant.domains[0] ?? this.tenant.name
    const seed = seedDirectory(this.tenant.name, primaryDomain)
    this.users.clear()
    this.groups.clear()
    for (const user of seed.users) this.users.set(user.id, user)
    for (const group of seed.groups) this.groups.set(group.id, group)
  }

  /** Graph's /users/{key} accepts the object id or the userPrincipalName. */
  findUser(key: string): UserRecord | undefined {
    const wanted = key.toLowerCase()
    return this.users.get(wanted) ?? this.findUserByUpn(wanted)
  }

  findUserByUpn(upn: string): UserRecord | undefined {
    const wanted = upn.toLowerCase()
    for (const user of this.users.values()) {
      const own = user.props.userPrincipalName
      if (typeof own === 'string' && own.toLowerCase() === wanted) return user
    }
    return undefined
  }

  findGroup(id: string): GroupRecord | undefined {
    return this.groups.get(id.toLowerCase())
  }

  groupsOf(userId: string): GroupRecord[] {
    return [...this.groups.values()].filter((g) => g.members.includes(userId))
  }

  removeUser(userId: string): void {
    this.users.delete(userId)
    for (const group of this.groups.values()) {
      group.members = group.members.filter((id) => id !== userId)
    }
  }
}

export function isGuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(
    value,
  )
}
