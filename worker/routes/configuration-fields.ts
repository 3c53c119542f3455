import type { AppSpec } from '../../shared/catalog'
import { AppError, quote } from '../errors'

/** Messages listed in one error, beyond which "and N more" is said. */
const MAX_PROBLEMS = 5

type Values = Record<string, string | null>

/**
 * Checks a configuration's settings and secrets against the app's fields.
 * Secret fields belong in `secrets` only, so a credential never travels
 * in the part that is shown back; every wrong field is named at once.
 */
export function checkFields(
  app: AppSpec,
  settings: Values,
  secrets: Values,
): void {
  const problems: string[] = []
  const fields = new Map(app.configuration.map((f) => [f.name, f]))
  for (const name of Object.keys(settings)) {
    const field = fields.get(name)
    if (!field) problems.push(`settings.${name}: ${unknown(app, name)}`)
    else if (field.secret) {
      problems.push(`settings.${name}: is a secret; send it in "secrets"`)
    }
  }
  for (const name of Object.keys(secrets)) {
    const field = fields.get(name)
    if (!field) problems.push(`secrets.${name}: ${unknown(app, name)}`)
    else if (!field.secret) {
      problems.push(`secrets.${name}: is not a secret; send it in "settings"`)
    }
  }
  report(problems)
}

/** The settings a configuration cannot run without, once merged. */
export function checkRequired(
  app: AppSpec,
  settings: Record<string, string>,
): void {
  const problems = app.configuration
    .filter((f) => f.required && !f.secret && !settings[f.name]?.trim())
    .map((f) => `settings.${f.name}: ${f.label} is required`)
  report(problems)
}

function unknown(app: AppSpec, name: string): string {
  const known = app.configuration.map((f) => f.name).join(', ')
  return `${app.name} has no field ${quote(name)} (it has ${known})`
}

function report(problems: string[]): void {
  if (problems.length === 0) return
  const more = problems.length - MAX_PROBLEMS
  const listed = problems.slice(0, MAX_PROBLEMS).join('; ')
  throw new AppError(
    'invalid_configuration',
    `The configuration is wrong: ${listed}` +
      (more > 0 ? `; and ${more} more` : ''),
  )
}

/** An id from a name: "Sandbox (Contoso)" becomes sandbox-contoso. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 64)
    .replace(/^-+|-+$/g, '')
  return slug || 'configuration'
}

/** `base`, or `base-2`, `base-3`… whichever is not taken yet. */
export function freeId(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) {
    const suffix = `-${n}`
    const id = `${base.slice(0, 64 - suffix.length)}${suffix}`
    if (!taken.has(id)) return id
  }
}
