import type { NodeDetails } from '../../shared/api'
import { APPS } from '../../shared/catalog'
import { templatePaths, type Template } from '../../shared/placeholders/parse'
import {
  resolveTemplate,
  UnknownStepError,
  type ResolveContext,
} from '../../shared/placeholders/resolve'
import type { NodeStatus } from '../../shared/status'
import { actionHandler } from '../connectors/registry'
import { ConnectorError, type ActionOutcome } from '../connectors/types'
import type { Configuration } from '../db/configurations'
import { coerceInput, InputError } from './coerce'
import type { CompiledAppStep } from './compile'
import { VaultError } from '../secrets/vault'
import { createRedactor } from './redact'
import type { StepResult } from './walk'

export interface StepRun {
  result: StepResult
  details: NodeDetails
  /**
   * Values of the step's secret inputs. Whatever the job shows, its
   * trigger payload included, is cleaned of them.
   */
  sensitive?: string[]
}

export type LoadConfiguration = (
  app: string,
  id: string,
) => Promise<Configuration | null>

/**
 * The brief's status rule: an app's error answer (4xx) is Complete with
 * errors; no answer, a timeout (408), throttling (429) or a 5xx is Failed.
 */
export function classify(statusCode: number, appError = false): NodeStatus {
  if (statusCode === 0 || statusCode === 408 || statusCode === 429) {
    return 'failed'
  }
  if (statusCode >= 500) return 'failed'
  if (statusCode >= 400 || appError) return 'complete_with_errors'
  return 'success'
}

export async function runAppStep(
  step: CompiledAppStep,
  context: ResolveContext,
  loadConfiguration: LoadConfiguration,
): Promise<StepRun> {
  const { node } = step
  const secrets: string[] = []
  const sensitive: string[] = []
  const inputs: Record<string, unknown> = {}
  const shownInputs: Record<string, unknown> = {}
  const warnings: string[] = []
  const fail = (message: string): StepRun => ({
    result: { status: 'failed', statusCode: null, message, output: {} },
    details: createRedactor([...secrets, ...sensitive])({
      inputs: shownInputs,
      ...(warnings.length ? { warnings } : {}),
    }),
    sensitive,
  })

  for (const { spec, value } of step.inputs) {
    let resolved: unknown
    try {
      resolved =
        typeof value === 'object'
          ? resolveTemplate(value, { ...context, warnings })
          : value
      resolved = coerceInput(spec, resolved)
    } catch (error) {
      if (error instanceof InputError) {
        const from = typeof value === 'object' ? placeholdersOf(value) : ''
        return fail(`Input "${spec.label}" ${error.message}${from}`)
      }
      if (error instanceof UnknownStepError) {
        return fail(`Input "${spec.label}": ${error.message}`)
      }
      throw error
    }
    if (resolved === undefined) continue
    inputs[spec.name] = resolved
    if (spec.secret) sensitive.push(String(resolved))
    shownInputs[spec.name] = spec.secret ? '[redacted]' : resolved
  }

  let configuration: Configuration | null
  try {
    configuration = await loadConfiguration(node.app, node.configuration)
  } catch (error) {
    if (error instanceof VaultError) return fail(error.message)
    throw error
  }
  const appName = APPS.get(node.app)?.name ?? node.app
  if (!configuration) {
    return fail(
      `${appName} has no configuration "${node.configuration}"; ` +
        'pick another one or add it in the Orchestration Center',
    )
  }
  const secretFields = APPS.get(node.app)?.configuration ?? []
  for (const field of secretFields) {
    const secret = configuration.secrets[field.name]
    if (field.secret && secret) secrets.push(secret)
  }
  const redact = createRedactor([...secrets, ...sensitive])
  const handler = actionHandler(node.app, node.action)
  if (!handler) return fail(`${appName} cannot run "${step.action.label}"`)

  let outcome: ActionOutcome
  try {
    outcome = await handler({ configuration, inputs })
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error
    outcome = {
      statusCode: error.statusCode,
      message: error.message,
      output: error.output,
    }
  }
  const status = classify(outcome.statusCode, outcome.appError)
  return {
    result: {
      status,
      statusCode: outcome.statusCode === 0 ? null : outcome.statusCode,
      message: redact(outcome.message),
      output: outcome.output,
    },
    details: redact({
      configuration: { id: configuration.id, name: configuration.name },
      inputs: shownInputs,
      output: outcome.output,
      ...(warnings.length ? { warnings } : {}),
    }),
    sensitive,
  }
}

/** " (from {{…}})", naming the placeholders an input was built from. */
function placeholdersOf(template: Template): string {
  const sources = templatePaths(template).map((path) => path.source)
  return sources.length ? ` (from ${sources.join(', ')})` : ''
}
