import { findAction } from '../../../shared/catalog'
import type {
  AppNode,
  ConditionNode,
  TriggerNode,
  WorkflowDocument,
  WorkflowNode,
} from '../../../shared/workflow/schema'
import {
  findNode,
  idStem,
  mapNode,
  nodeIds,
  uniqueId,
  type NodePatch,
  type XY,
} from '../document'
import type { Command, Made } from './command'

/** What the palette asks for; the rest is filled with defaults. */
export type NewNode =
  | { kind: 'trigger'; position?: XY }
  | {
      kind: 'app'
      app: string
      action: string
      /** Defaults to '' (to pick in the inspector). */
      configuration?: string
      position?: XY
    }
  | { kind: 'condition'; position?: XY }

/**
 * Adds a step. Ids come from the action id (`get_user`, `get_user_2`…),
 * labels from the catalog, inputs from the inputs' declared defaults; a
 * condition starts with one empty rule. A second trigger is refused.
 */
export function addNodeCommand(
  document: WorkflowDocument,
  spec: NewNode,
): Made<{ nodeId: string }> {
  const made = newNode(document, spec)
  if (typeof made === 'string') return { ok: false, message: made }
  const node = made
  return {
    ok: true,
    nodeId: node.id,
    command: {
      label: `Add ${quoted(node.label)}`,
      apply: (doc) => ({ ...doc, nodes: [...doc.nodes, node] }),
      revert: (doc) => ({
        ...doc,
        nodes: doc.nodes.filter((n) => n.id !== node.id),
      }),
    },
  }
}

function newNode(
  document: WorkflowDocument,
  spec: NewNode,
): WorkflowNode | string {
  const taken = nodeIds(document)
  const position = spec.position ?? nextPosition(document)
  if (spec.kind === 'trigger') {
    if (document.nodes.some((n) => n.kind === 'trigger')) {
      return 'A workflow has exactly one trigger, and this one has it'
    }
    const trigger: TriggerNode = {
      id: uniqueId('trigger', taken),
      kind: 'trigger',
      label: 'Trigger',
      event: 'service_request.created',
      entity: 'ticket',
      source: '{{trigger.ticket.id}}',
      position,
    }
    return trigger
  }
  if (spec.kind === 'condition') {
    const condition: ConditionNode = {
      id: uniqueId('condition', taken),
      kind: 'condition',
      label: 'Condition',
      match: 'all',
      rules: [{ value: '', operator: 'equals', compareAs: 'text' }],
      position,
    }
    return condition
  }
  const action = findAction(spec.app, spec.action)
  if (!action) return `${spec.app}.${spec.action} is not in the app catalog`
  const inputs: AppNode['inputs'] = {}
  for (const input of action.inputs) {
    if (input.default !== undefined) inputs[input.name] = input.default
  }
  const app: AppNode = {
    id: uniqueId(idStem(action.id), taken),
    kind: 'app',
    label: action.label,
    app: spec.app,
    action: spec.action,
    configuration: spec.configuration ?? '',
    inputs,
    onError: 'stop',
    position,
  }
  return app
}

/** Right of the rightmost step: free space without measuring the view. */
function nextPosition(document: WorkflowDocument): XY {
  let best: XY | undefined
  for (const node of document.nodes) {
    if (node.position && (!best || node.position.x > best.x)) {
      best = node.position
    }
  }
  return best ? { x: best.x + 260, y: best.y } : { x: 0, y: 0 }
}

// Which fields each kind has, so a patch cannot graft a condition's
// rules onto an app step.
const EDITABLE: Record<WorkflowNode['kind'], ReadonlySet<string>> = {
  trigger: new Set([
    'label',
    'position',
    'event',
    'entity',
    'source',
    'sample',
  ]),
  app: new Set([
    'label',
    'position',
    'app',
    'action',
    'configuration',
    'inputs',
    'onError',
    'pinned',
  ]),
  condition: new Set(['label', 'position', 'match', 'rules']),
}

type Fields = Record<string, unknown>

/**
 * Changes any fields of a step: label, inputs, configuration, onError,
 * rules, match… A key set to `undefined` removes the field. Consecutive
 * edits of the same fields of the same step are one undo step, so typing
 * a label is undone at once.
 */
export function updateNodeCommand(
  document: WorkflowDocument,
  id: string,
  patch: NodePatch,
  label?: string,
): Made {
  const node = findNode(document, id)
  if (!node) return { ok: false, message: `There is no step "${id}"` }
  const keys = Object.keys(patch)
  const foreign = keys.filter((key) => !EDITABLE[node.kind].has(key))
  if (foreign.length > 0) {
    return {
      ok: false,
      message:
        `${node.kind === 'app' ? 'An' : 'A'} ${node.kind} step has no ` +
        foreign.join(', '),
    }
  }
  const current = node as unknown as Fields
  const before: Fields = {}
  for (const key of keys) before[key] = current[key]
  const command = fieldsCommand(
    id,
    before,
    { ...patch },
    label ?? describePatch(node, keys),
  )
  return { ok: true, command }
}

function fieldsCommand(
  id: string,
  before: Fields,
  after: Fields,
  label: string,
): Command {
  const sameKeys = (other: Fields) =>
    Object.keys(other).sort().join() === Object.keys(after).sort().join()
  const self: Command & { edit: { id: string; after: Fields } } = {
    label,
    edit: { id, after },
    apply: (doc) => mapNode(doc, id, (node) => assign(node, after)),
    revert: (doc) => mapNode(doc, id, (node) => assign(node, before)),
    merge(next) {
      const edit = (next as Partial<typeof self>).edit
      if (!edit || edit.id !== id || !sameKeys(edit.after)) return null
      return fieldsCommand(id, before, edit.after, label)
    },
  }
  return self
}

function assign(node: WorkflowNode, fields: Fields): WorkflowNode {
  const out: Fields = { ...node, ...fields }
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) delete out[key]
  }
  return out as unknown as WorkflowNode
}

function describePatch(node: WorkflowNode, keys: string[]): string {
  const name = quoted(node.label)
  if (keys.length === 1) {
    if (keys[0] === 'label') return `Rename ${name}`
    if (keys[0] === 'position') return `Move ${name}`
    if (keys[0] === 'sample') return 'Set the trigger sample'
  }
  return `Edit ${name}`
}

/** Pins a test result, so its fields show in the data tree. */
export function pinResultCommand(
  document: WorkflowDocument,
  id: string,
  pinned: NonNullable<AppNode['pinned']> | undefined,
): Made {
  const node = findNode(document, id)
  if (node?.kind !== 'app') {
    return { ok: false, message: 'Only app steps have test results to pin' }
  }
  const label = pinned ? 'Pin the test result' : 'Unpin the test result'
  return updateNodeCommand(document, id, { pinned }, label)
}

/** Sets (or with `undefined`, removes) the trigger's sample payload. */
export function setTriggerSampleCommand(
  document: WorkflowDocument,
  sample: unknown,
): Made {
  const trigger = document.nodes.find((node) => node.kind === 'trigger')
  if (!trigger) return { ok: false, message: 'The workflow has no trigger' }
  const label = sample === undefined ? 'Remove the trigger sample' : undefined
  return updateNodeCommand(document, trigger.id, { sample }, label)
}

type WorkflowFields = Partial<Pick<WorkflowDocument, 'title' | 'description'>>

/**
 * Renames the workflow or changes its description; typing in a row is
 * one undo step, as for step fields.
 */
export function updateWorkflowCommand(
  document: WorkflowDocument,
  patch: WorkflowFields,
): Command {
  const before: WorkflowFields = {}
  if (patch.title !== undefined) before.title = document.title
  if (patch.description !== undefined) {
    before.description = document.description
  }
  return workflowFieldsCommand(before, { ...patch })
}

function workflowFieldsCommand(
  before: WorkflowFields,
  after: WorkflowFields,
): Command {
  const keys = (fields: WorkflowFields) => Object.keys(fields).sort().join()
  const self: Command & { workflowEdit: WorkflowFields } = {
    label:
      after.title !== undefined
        ? 'Rename the workflow'
        : 'Edit the description',
    workflowEdit: after,
    apply: (doc) => ({ ...doc, ...after }),
    revert: (doc) => ({ ...doc, ...before }),
    merge(next) {
      const edit = (next as Partial<typeof self>).workflowEdit
      if (!edit || keys(edit) !== keys(after)) return null
      return workflowFieldsCommand(before, edit)
    },
  }
  return self
}

/** A step's label for an undo tooltip: quoted, and short however long. */
function quoted(label: string): string {
  return JSON.stringify(label.length > 40 ? `${label.slice(0, 39)}…` : label)
}
