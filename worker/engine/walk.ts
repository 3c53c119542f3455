import type { NodeStatus } from '../../shared/status'
import type { CompiledStep, CompiledWorkflow } from './compile'

/** What a finished step left in the job's context. */
export interface StepResult {
  status: NodeStatus
  statusCode: number | null
  message: string
  output: unknown
}

/**
 * Whether a step runs: one of its incoming connections must be live. A
 * connection is live when its source ran and, for a condition, when the
 * branch it leaves from is the one the condition took. Steps are visited
 * in graph order, so every source has been decided before its targets.
 */
export function isActive(
  step: CompiledStep,
  workflow: CompiledWorkflow,
  results: ReadonlyMap<string, StepResult>,
): boolean {
  return step.incoming.some((edge) => {
    if (edge.source === workflow.triggerId) return true
    const source = results.get(edge.source)
    if (!source) return false
    if (edge.branch === undefined) return true
    const taken = (source.output as { result?: unknown } | null)?.result
    return String(taken) === edge.branch
  })
}

export type Verdict = 'continue' | 'stop_failed' | 'stop_with_errors'

/**
 * What a step's result means for the job: a failure always stops it; an
 * app error stops it unless the node is set to continue on app errors.
 */
export function verdict(step: CompiledStep, result: StepResult): Verdict {
  if (result.status === 'failed') return 'stop_failed'
  if (result.status === 'complete_with_errors') {
    const goOn = step.kind === 'app' && step.node.onError === 'continue'
    return goOn ? 'continue' : 'stop_with_errors'
  }
  return 'continue'
}
