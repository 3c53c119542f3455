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

/** Installs an app; true when it was not installed before. */
export async function installApp(
  db: D1Database,
  app: string,
): Promise<boolean> {
  const { meta } = await db
    .prepare(
      `INSERT OR IGNORE INTO app_installations (app, installed_at)
       VALUES (?, ?)`,
    )
    .bind(app, new Date().toISOString())
    .run()
  return meta.changes > 0
}

export async function isInstalled(
  db: D1Database,
  app: string,
): Promise<boolean> {
  const row = await db
    .prepare('SELECT 1 AS found FROM app_installations WHERE app = ?')
    .bind(app)
    .first()
  return row !== null
}

/** Removes an app with all its configurations, in one batch. */
export async function uninstallApp(db: D1Database, app: string) {
  await db.batch([
    db.prepare('DELETE FROM app_configurations WHERE app = ?').bind(app),
    db.prepare('DELETE FROM app_installations WHERE app = ?').bind(app),
  ])
}

export async function configurationIdsOf(
  db: D1Database,
  app: string,
): Promise<Set<string>> {
  const { results } = await db
    .prepare('SELECT id FROM app_configurations WHERE app = ?')
    .bind(app)
    .all<{ id: string }>()
  return new Set(results.map((row) => row.id))
}

/**
 * Installs the app if needed and adds a new configuration. False when one
 * of that id exists already; the existing one is left as it was.
 */
export async function createConfiguration(
  db: D1Database,
  vault: Vault,
  configuration: Configuration,
): Promise<boolean> {
  const now = new Date().toISOString()
  const { app, id } = configuration
  const sealed = await vault.seal(configuration.secrets, `${app}/${id}`)
  const [, inserted] = await db.batch([
    db
      .prepare(
        `INSERT OR IGNORE INTO app_installations (app, installed_at)
         VALUES (?, ?)`,
      )
      .bind(app, now),
    db
      .prepare(
        `INSERT OR IGNORE INTO app_configurations
         (app, id, name, settings, secrets, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .bind(
        app,
        id,
        configuration.name,
        JSON.stringify(configuration.settings),
        sealed,
        now,
        now,
      ),
  ])
  return inserted!.meta.changes > 0
}

/** Stores a configuration's new name, settings and secrets, re-sealed. */
export async function saveConfiguration(
  db: D1Database,
  vault: Vault,
  configuration: Configuration,
): Promise<boolean> {
  const { app, id } = configuration
  const sealed = await vault.seal(configuration.secrets, `${app}/${id}`)
  const { meta } = await db
    .prepare(
      `UPDATE app_configurations SET name = ?, settings = ?, secrets = ?,
         updated_at = ? WHERE app = ? AND id = ?`,
    )
    .bind(
      configuration.name,
      JSON.stringify(configuration.settings),
      sealed,
      new Date().toISOString(),
      app,
      id,
    )
    .run()
  return meta.changes > 0
}

export async function deleteConfiguration(
  db: D1Database,
  app: string,
  id: string,
): Promise<boolean> {
  const { meta } = await db
    .prepare('DELETE FROM app_configurations WHERE app = ? AND id = ?')
    .bind(app, id)
    .run()
  return meta.changes > 0
}

/**
 * Titles of the workflows whose draft or published version has a step of
 * the app (and, if given, in that configuration). Older versions are not
 * looked at: they no longer run, and republishing one is validated again.
 * SQL narrows the rows by the stored JSON's text; the nodes of those are
 * then checked, so a title or note that merely mentions the id is no hit.
 */
export async function workflowsUsing(
  db: D1Database,
  app: string,
  configuration?: string,
): Promise<string[]> {
  const needle = `"app":${JSON.stringify(app)}`
  const { results } = await db
    .prepare(
      `SELECT id, title, draft AS document FROM workflows
       WHERE instr(draft, ?1) > 0
       UNION ALL
       SELECT w.id, w.title, v.document FROM workflows w
       JOIN workflow_versions v ON v.workflow_id = w.id
         AND v.version = w.published_version
       WHERE instr(v.document, ?1) > 0`,
    )
    .bind(needle)
    .all<{ id: string; title: string; document: string }>()
  const titles = new Map<string, string>()
  for (const row of results) {
    if (usesApp(row.document, app, configuration)) {
      titles.set(row.id, row.title)
    }
  }
  return [...titles.values()].sort()
}

function usesApp(
  document: string,
  app: string,
  configuration: string | undefined,
): boolean {
  const { nodes } = JSON.parse(document) as {
    nodes?: { app?: unknown; configuration?: unknown }[]
  }
  return (nodes ?? []).some(
    (node) =>
      node.app === app &&
      (configuration === undefined || node.configuration === configuration),
  )
}
