import { describe, expect, it } from 'vitest'
import { resolveTemplate } from '../../shared/placeholders/resolve'
import type { WorkflowDocumentInput } from '../../shared/workflow/schema'
import {
  compileWorkflow,
  type CompiledAppStep,
} from '../../worker/engine/compile'
import type { RunRecord } from '../../worker/engine/job-store'
import type { StepRun } from '../../worker/engine/run-app'
import { runSteps } from '../../worker/engine/run-steps'
import type { StepResult } from '../../worker/engine/walk'

const note = (id: string, body = 'x') => ({
  id,
  kind: 'app' as const,
  label: id,
  app: 'service_desk',
  action: 'add_note',
  configuration: 'sandbox',
  inputs: { ticketId: '1', body },
})

/** trigger → a → check(a's status code < 300) → yes | no → joined */
function workflow(onError: 'stop' | 'continue' = 'continue') {
  const document: WorkflowDocumentInput = {
    format: 'switchboard.workflow',
    formatVersion: 1,
    title: 'Walk',
    nodes: [
      {
        id: 'trigger',
        kind: 'trigger',
        label: 'Trigger',
        event: 'test',
        entity: 'ticket',
        source: '{{trigger.id}}',
      },
      { ...note('a'), onError },
      {
        id: 'check',
        kind: 'condition',
        label: 'check',
        rules: [
          {
            value: '{{steps.a.statusCode}}',
            compareAs: 'number',
            operator: 'less_than',
            operand: '300',
          },
        ],
      },
      note('yes', 'a said {{steps.a.message}}'),
      note('no'),
      note('joined'),
    ],
    edges: [
      { source: 'trigger', target: 'a' },
      { source: 'a', target: 'check' },
      { source: 'check', target: 'yes', branch: 'true' },
      { source: 'check', target: 'no', branch: 'false' },
      { source: 'yes', target: 'joined' },
      { source: 'no', target: 'joined' },
    ],
  }
  return compileWorkflow('wf', 1, document)
}

/** Runs the walk with apps that answer from a script, by step id. */
async function walk(
  answers: Record<string, Partial<StepResult>>,
  options: { onError?: 'stop' | 'continue'; done?: RunRecord[] } = {},
) {
  const ran: string[] = []
  const saved: RunRecord[] = []
  const inputs: Record<string, unknown> = {}
  const status = await runSteps({
    workflow: workflow(options.onError),
    trigger: { id: 7 },
    done: options.done ?? [],
    runApp: async (step: CompiledAppStep, context): Promise<StepRun> => {
      ran.push(step.node.id)
      const body = step.inputs.find((i) => i.spec.name === 'body')!.value
      if (typeof body === 'object' && body.kind !== 'literal') {
        inputs[step.node.id] = resolveTemplate(body, context)
      }
      const result: StepResult = {
        status: 'success',
        statusCode: 201,
        message: `${step.node.id} ok`,
        output: {},
        ...answers[step.node.id],
      }
      return { result, details: {} }
    },
    save: async (run) => {
      saved.push(run)
    },
    onInternalError: (error) => {
      throw error
    },
  })
  return { status, ran, saved, inputs }
}

describe('walking a workflow', () => {
  it('follows the true branch, skips the false one and joins after', async () => {
    const { status, ran, saved, inputs } = await walk({})
    expect(status).toBe('success')
    expect(ran).toEqual(['a', 'yes', 'joined'])
    expect(saved.map((r) => [r.seq, r.nodeId, r.status])).toEqual([
      [1, 'a', 'success'],
      [2, 'check', 'success'],
      [3, 'yes', 'success'],
      [4, 'joined', 'success'],
    ])
    expect(inputs.yes).toBe('a said a ok')
  })

  it('branches over an app error the node continues on', async () => {
    const { status, ran } = await walk({
      a: { status: 'complete_with_errors', statusCode: 404 },
    })
    expect(ran).toEqual(['a', 'no', 'joined'])
    expect(status).toBe('success')
  })

  it('stops with errors on an app error the node stops on', async () => {
    const { status, ran } = await walk(
      { a: { status: 'complete_with_errors', statusCode: 400 } },
      { onError: 'stop' },
    )
    expect(ran).toEqual(['a'])
    expect(status).toBe('complete_with_errors')
  })

  it('stops as failed on a failure, whatever the node says', async () => {
    const { status, ran, saved } = await walk({
      a: { status: 'failed', statusCode: 503 },
    })
    expect(ran).toEqual(['a'])
    expect(saved).toHaveLength(1)
    expect(status).toBe('failed')
  })

  it('resumes after the steps already done without running them again', async () => {
    const first = await walk({})
    const done = first.saved.slice(0, 2)
    const resumed = await walk({}, { done })
    expect(resumed.ran).toEqual(['yes', 'joined'])
    expect(resumed.saved.map((r) => r.seq)).toEqual([3, 4])
    expect(resumed.inputs.yes).toBe('a said a ok')
  })
})
