import type { PinnedStepResult, TestActionResult } from '../../shared/api'
import { parseTemplate, templatePaths } from '../../shared/placeholders/parse'
import { resolveTemplate, toText } from '../../shared/placeholders/resolve'
import type { AppNode } from '../../shared/workflow/schema'
import { insertLogStatement } from '../db/logs'
import { findDraft } from '../db/workflows'
import { compileAppStep, type CompiledAppStep } from '../engine/compile'
import { classify, runAppStep, type StepRun } from '../engine/run-app'
import type { StepResult } from '../engine/walk'
import { log } from '../log'
import type { Vault } from '../secrets/vault'
import { checkTestNode } from './check-node'

export interface TestRun {
  node: AppNode
  trigger?: unknown
  steps: Record<string, PinnedStepResult>
  workflowId?: string
}

/**
 * "Test app action": runs one node once, outside any job and without a
 * Durable Object, through the same compile and run code as a job, and
 * writes one log row marked as a test.
 */
export async function runTestAction(
  db: D1Database,
  vault: Vault,
  request: TestRun,
): Promise<TestActionResult> {
  const configuration = await checkTestNode(db, vault, request.node)
  const columns = await workflowColumns(db, request)
  const step = compileAppStep(request.node)
  const steps: Record<string, StepResult> = {}
  for (const [id, pinned] of Object.entries(request.steps)) {
    steps[id] = { ...pinned, status: pinned.status ?? statusOf(pinned) }
  }
  const context = {
    trigger: request.trigger,
    steps,
    stepIds: new Set(Object.keys(steps)),
  }

  const startedAt = new Date().toISOString()
  let run: StepRun
  try {
    run =
      missingStep(step, steps) ??
      (await runAppStep(step, context, async () => configuration))
  } catch (error) {
    // As in a job: a defect of ours ends the run visibly, and is logged.
    log.error('test run crashed', { nodeId: step.node.id, error })
    run = failed('Switchboard could not run this step (internal error)')
  }
  const finishedAt = new Date().toISOString()

  const jobId = `test-${crypto.randomUUID()}`
  const logId = `${jobId}:0001`
  const { result, details } = run
  await insertLogStatement(db, {
    id: logId,
    seq: 1,
    jobId,
    ...columns,
    workflowVersion: 0,
    test: true,
    nodeId: step.node.id,
    label: step.node.label,
    kind: 'app',
    app: step.node.app,
    action: step.node.action,
    status: result.status,
    statusCode: result.statusCode,
    message: result.message,
    startedAt,
    finishedAt,
    details,
  }).run()
  return {
    status: result.status,
    statusCode: result.statusCode,
    message: result.message,
    // What the job shows: the output with secrets removed.
    output: 'output' in details ? details.output : result.output,
    details,
    logId,
  }
}

/** A pinned result has no status of its own; its code tells, as in jobs. */
function statusOf(pinned: PinnedStepResult): StepResult['status'] {
  return pinned.statusCode === null ? 'success' : classify(pinned.statusCode)
}

/**
 * A placeholder reading a step the test was given no result for fails
 * the run naming both, before the app is called. In the editor the step
 * exists; what is missing is its result, and the message says so.
 */
function missingStep(
  step: CompiledAppStep,
  steps: Record<string, StepResult>,
): StepRun | undefined {
  for (const { spec, value } of step.inputs) {
    if (typeof value !== 'object') continue
    for (const path of templatePaths(value)) {
      const stepId = String(path.segments[0])
      if (path.root !== 'steps' || Object.hasOwn(steps, stepId)) continue
      return failed(
        `Input "${spec.label}": ${path.source} reads step "${stepId}", ` +
          'which has no result in this test; test that step first or ' +
          'pin its result',
      )
    }
  }
  return undefined
}

function failed(message: string): StepRun {
  return {
    result: { status: 'failed', statusCode: null, message, output: {} },
    details: {},
  }
}

/** The log row's workflow columns: from the workflow if it is known. */
async function workflowColumns(db: D1Database, request: TestRun) {
  const draft = request.workflowId
    ? await findDraft(db, request.workflowId)
    : null
  const trigger = draft?.nodes.find((node) => node.kind === 'trigger')
  if (!draft) {
    return { workflowId: '', workflowTitle: 'Test run', source: '', entity: '' }
  }
  const source = trigger
    ? resolveTemplate(parseTemplate(trigger.source), {
        trigger: request.trigger,
        steps: {},
        stepIds: new Set(),
      })
    : ''
  return {
    workflowId: request.workflowId!,
    workflowTitle: draft.title,
    source: toText(source),
    entity: trigger?.entity ?? '',
  }
}
