import { APPS, findAction } from '../../shared/catalog'
import {
  parseTemplate,
  PlaceholderSyntaxError,
} from '../../shared/placeholders/parse'
import type { Problem } from '../../shared/workflow/problems'
import type { AppNode } from '../../shared/workflow/schema'
import { loadConfiguration, type Configuration } from '../db/configurations'
import type { Vault } from '../secrets/vault'
import { AppError, quote } from '../errors'

/**
 * What makes a node impossible to run at all, before anything is called:
 * an app, action, configuration or input that does not exist, or a
 * placeholder that does not parse. Refused with 422 listing each; all
 * else (an empty required input, a step without a result) is the run's
 * own failure, as in a job.
 */
export async function checkTestNode(
  db: D1Database,
  vault: Vault,
  node: AppNode,
): Promise<Configuration> {
  const problems: Problem[] = []
  const report = (code: Problem['code'], field: string, message: string) =>
    problems.push({ code, message, nodeId: node.id, path: `node.${field}` })

  const app = APPS.get(node.app)
  const action = findAction(node.app, node.action)
  const configuration = app
    ? await loadConfiguration(db, vault, node.app, node.configuration)
    : null
  if (!app) {
    report('unknown_app', 'app', `There is no app ${quote(node.app)}`)
  } else if (!action) {
    report(
      'unknown_action',
      'action',
      `${app.name} has no action ${quote(node.action)}`,
    )
  }
  if (app && !configuration) {
    report(
      'unknown_configuration',
      'configuration',
      `${app.name} has no configuration ${quote(node.configuration)}; ` +
        'pick another one or add it in the Orchestration Center',
    )
  }
  for (const [name, value] of Object.entries(node.inputs)) {
    const field = `inputs.${name}`
    if (action && !action.inputs.some((spec) => spec.name === name)) {
      report(
        'unknown_input',
        field,
        `"${action.label}" has no input ${quote(name)}`,
      )
    }
    if (typeof value !== 'string') continue
    try {
      parseTemplate(value)
    } catch (error) {
      if (!(error instanceof PlaceholderSyntaxError)) throw error
      report('invalid_placeholder', field, error.message)
    }
  }
  if (problems.length === 0) return configuration!
  throw new AppError(
    'invalid_node',
    problems.length === 1
      ? problems[0]!.message
      : `"${node.label}" cannot run: ${problems.length} problems`,
    problems,
  )
}
