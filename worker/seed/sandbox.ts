import { FRESHSERVICE_API_KEY } from '../../sandbox/freshservice/accounts'
import {
  CONTOSO_SANDBOX,
  FABRIKAM_SANDBOX,
  type GraphTenant,
} from '../../sandbox/graph/tenants'
import { employeeOnboarding } from '../../shared/templates/employee-onboarding'
import { WorkflowDocument } from '../../shared/workflow/schema'
import { installStatements, type Configuration } from '../db/configurations'
import type { Env } from '../env'
import { createVault, type Vault } from '../secrets/vault'

/** The onboarding workflow's fixed id, so its webhook URL is known. */
export const ONBOARDING_WORKFLOW_ID = 'employee-onboarding'

let seeded: Promise<void> | undefined

/**
 * Makes a fresh local Switchboard ready to run use case 1: Azure AD and
 * the service desk installed with sandbox configurations, and the
 * onboarding workflow published. Runs once per isolate; an existing
 * workflow of that id is left as the user changed it.
 */
export function ensureSandboxSeed(env: Env): Promise<void> {
  const vault = createVault(env.SECRETS_KEY)
  seeded ??= seed(env.DB, vault, env.SANDBOX_URL!).catch((error: unknown) => {
    seeded = undefined
    throw error
  })
  return seeded
}

function graphConfiguration(
  id: string,
  name: string,
  tenant: GraphTenant,
  base: string,
): Configuration {
  return {
    app: 'azure_ad',
    id,
    name,
    settings: {
      tenantId: tenant.name,
      clientId: tenant.clientId,
      authorityUrl: `${base}/azure/login`,
      graphUrl: `${base}/azure/graph`,
    },
    secrets: { clientSecret: tenant.clientSecret },
  }
}

async function seed(
  db: D1Database,
  vault: Vault,
  sandboxUrl: string,
): Promise<void> {
  const base = sandboxUrl.replace(/\/+$/, '')
  const configurations: Configuration[] = [
    graphConfiguration('sandbox', 'Sandbox (Contoso)', CONTOSO_SANDBOX, base),
    graphConfiguration(
      'sandbox-fabrikam',
      'Sandbox (Fabrikam)',
      FABRIKAM_SANDBOX,
      base,
    ),
    {
      app: 'service_desk',
      id: 'sandbox',
      name: 'Sandbox',
      settings: { baseUrl: `${base}/freshservice` },
      secrets: { apiKey: FRESHSERVICE_API_KEY },
    },
  ]
  const document = JSON.stringify(WorkflowDocument.parse(employeeOnboarding))
  const now = new Date().toISOString()
  await db.batch([
    ...(
      await Promise.all(
        configurations.map((c) => installStatements(db, vault, c)),
      )
    ).flat(),
    db
      .prepare(
        `INSERT OR IGNORE INTO workflows (id, title, description, draft,
          draft_revision, published_version, published_revision, created_at,
          updated_at) VALUES (?, ?, ?, ?, 1, 1, 1, ?, ?)`,
      )
      .bind(
        ONBOARDING_WORKFLOW_ID,
        employeeOnboarding.title,
        employeeOnboarding.description ?? '',
        document,
        now,
        now,
      ),
    db
      .prepare(
        `INSERT OR IGNORE INTO workflow_versions (workflow_id, version,
          document, published_at) VALUES (?, 1, ?, ?)`,
      )
      .bind(ONBOARDING_WORKFLOW_ID, document, now),
  ])
}
