import type { ResolveContext } from '../../shared/placeholders/resolve'
import type { JobStatus } from '../../shared/status'
import type { CompiledAppStep, CompiledStep, CompiledWorkflow } from './compile'
import type { RunRecord } from './job-store'
import type { StepRun } from './run-app'
import { runConditionStep } from './run-condition'
import { isActive, verdict, type StepResult } from './walk'

export interface RunStepsOptions {
  workflow: CompiledWorkflow
  trigger: unknown
  /** Steps a previous attempt already finished: they are not run again. */
  done: readonly RunRecord[]
  /** Runs an app step (calls the app); see runAppStep. */
  runApp: (step: CompiledAppStep, context: ResolveContext) => Promise<StepRun>
  /** Persists a finished step before the next one starts. */
  save: (run: RunRecord) => Promise<void>
  onInternalError: (error: unknown, nodeId: string) => void
}

/**
 * Walks the workflow in graph order, running each step whose incoming
 * connection is live, and returns the job's status (see shared/status).
 */
export async function runSteps(options: RunStepsOptions): Promise<JobStatus> {
  const { workflow } = options
  const results = new Map<string, StepResult>()
  const steps: Record<string, StepResult> = {}
  for (const run of options.done) {
    results.set(run.nodeId, run.result)
    steps[run.nodeId] = run.result
  }
  const context: ResolveContext = {
    trigger: options.trigger,
    steps,
    stepIds: workflow.stepIds,
  }
  let seq = options.done.at(-1)?.seq ?? 0

  for (const step of workflow.steps) {
    let result = results.get(step.node.id)
    if (!result) {
      if (!isActive(step, workflow, results)) continue
      const startedAt = new Date().toISOString()
      const run = await runStep(step, context, options)
      result = run.result
      results.set(step.node.id, result)
      steps[step.node.id] = result
      await options.save({
        seq: ++seq,
        nodeId: step.node.id,
        kind: step.kind,
        label: step.node.label,
        app: step.kind === 'app' ? step.node.app : null,
        action: step.kind === 'app' ? step.node.action : null,
        status: result.status,
        statusCode: result.statusCode,
        message: result.message,
        startedAt,
        finishedAt: new Date().toISOString(),
        details: run.details,
        result,
        sensitive: run.sensitive ?? [],
      })
    }
    const next = verdict(step, result)
    if (next === 'stop_failed') return 'failed'
    if (next === 'stop_with_errors') return 'complete_with_errors'
  }
  return 'success'
}

async function runStep(
  step: CompiledStep,
  context: ResolveContext,
  options: RunStepsOptions,
): Promise<StepRun> {
  try {
    return step.kind === 'app'
      ? await options.runApp(step, context)
      : runConditionStep(step, context)
  } catch (error) {
    // A defect of ours must still end the step, and so the job, visibly.
    options.onInternalError(error, step.node.id)
    return {
      result: {
        status: 'failed',
        statusCode: null,
        message: 'Switchboard could not run this step (internal error)',
        output: {},
      },
      details: {},
    }
  }
}
