import type { Vault } from '../secrets/vault'

/**
 * App installations and their configurations. Secrets sit in their own
 * column and leave this module only towards a connector, never towards
 * an API response.
 */
export interface ConfigurationSummary {
  id: string
  name: string
}

export interface Configuration extends ConfigurationSummary {
  app: string
  settings: Record<string, string>
  secrets: Record<string, string>
}

export async function listInstalled(
  db: D1Database,
): Promise<Map<string, ConfigurationSummary[]>> {
  const { results } = await db
    .prepare(
      `SELECT i.app, c.id, c.name FROM app_installations i
       LEFT JOIN app_configurations c ON c.app = i.app
       ORDER BY i.app, c.name`,
    )
    .all<{ app: string; id: string | null; name: string | null }>()
  const byApp = new Map<string, ConfigurationSummary[]>()
  for (const row of results) {
    const list = byApp.get(row.app) ?? []
    if (row.id !== null) list.push({ id: row.id, name: row.name ?? row.id })
    byApp.set(row.app, list)
  }
  return byApp
}

/** Configuration ids per installed app, for validating workflows. */
export async function configurationIds(
  db: D1Database,
): Promise<Map<string, Set<string>>> {
  const installed = await listInstalled(db)
  return new Map(
    [...installed].map(([app, list]) => [app, new Set(list.map((c) => c.id))]),
  )
}

export async function loadConfiguration(
  db: D1Database,
  vault: Vault,
  app: string,
  id: string,
): Promise<Configuration | null> {
  const row = await db
    .prepare(
      `SELECT app, id, name, settings, secrets FROM app_configurations
       WHERE app = ? AND id = ?`,
    )
    .bind(app, id)
    .first<{
      app: string
      id: string
      name: string
      settings: string
      secrets: string
    }>()
  if (!row) return null
  return {
    app: row.app,
    id: row.id,
    name: row.name,
    settings: JSON.parse(row.settings) as Record<string, string>,
    secrets: await openSecrets(vault, row.secrets, `${app}/${id}`),
  }
}

function openSecrets(
  vault: Vault,
  stored: string,
  owner: string,
): Promise<Record<string, string>> {
  // Rows written before secrets were sealed hold plain JSON; the next
  // save of the configuration seals them.
  if (stored.startsWith('{')) {
    return Promise.resolve(JSON.parse(stored) as Record<string, string>)
  }
  return vault.open(stored, owner)
}

/**
 * Statements that install an app and create or refresh one configuration.
 * Used for the sandbox configurations, whose address changes with the
 * port the sandbox runs on.
 */
export async function installStatements(
  db: D1Database,
  vault: Vault,
  configuration: Configuration,
): Promise<D1PreparedStatement[]> {
  const now = new Date().toISOString()
  const sealed = await vault.seal(
    configuration.secrets,
    `${configuration.app}/${configuration.id}`,
  )
  return [
    db
      .prepare(
        `INSERT OR IGNORE INTO app_installations (app, installed_at)
         VALUES (?, ?)`,
      )
      .bind(configuration.app, now),
    db
      .prepare(
        `INSERT INTO app_configurations
         (app, id, name, settings, secrets, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (app, id) DO UPDATE SET settings = excluded.settings,
           secrets = excluded.secrets, updated_at = excluded.updated_at`,
      )
      .bind(
        configuration.app,
        configuration.id,
        configuration.name,
        JSON.stringify(configuration.settings),
        sealed,
        now,
        now,
      ),
  ]
}
