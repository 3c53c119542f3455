// Public demo credentials of the simulated Entra ID tenants. They are printed
// by GET /_sandbox on purpose: nothing here protects real data.

export interface GraphTenant {
  /** Short name used in the token URL, e.g. /azure/login/contoso-sandbox/... */
  name: string
  /** Directory (tenant) id; the token URL accepts it as well. */
  tenantId: string
  /** Verified domains: accepted in the token URL and as UPN suffixes. */
  domains: string[]
  clientId: string
  clientSecret: string
}

export const CONTOSO_SANDBOX: GraphTenant = {
  name: 'contoso-sandbox',
  tenantId: '2f4a9c1e-6b3d-4e8f-9a21-c0ffee000001',
  domains: ['contoso-hr.example', 'contoso-sandbox.onmicrosoft.com'],
  clientId: '11111111-2222-3333-4444-555555555555',
  clientSecret: 'sandbox-graph-secret',
}

export const FABRIKAM_SANDBOX: GraphTenant = {
  name: 'fabrikam-sandbox',
  tenantId: '7d1e5b20-3c4a-4f6b-8e9d-c0ffee000002',
  domains: ['fabrikam.example', 'fabrikam-sandbox.onmicrosoft.com'],
  clientId: '66666666-7777-8888-9999-000000000000',
  clientSecret: 'sandbox-graph-secret-2',
}

export const GRAPH_TENANTS: readonly GraphTenant[] = [
  CONTOSO_SANDBOX,
  FABRIKAM_SANDBOX,
]

/** The only scope a client-credentials request may ask for. */
export const GRAPH_DEFAULT_SCOPE = 'https://graph.microsoft.com/.default'

/**
 * Entra ID accepts the tenant id or any verified domain in the token URL, so
 * connectors configured either way work; the short name is a sandbox alias.
 */
export function findTenant(key: string): GraphTenant | undefined {
  const wanted = key.toLowerCase()
  return GRAPH_TENANTS.find(
    (t) =>
      t.name === wanted || t.tenantId === wanted || t.domains.includes(wanted),
  )
}
