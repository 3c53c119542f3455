import {
  findAction,
  STEP_RESULT_FIELDS,
  type FieldSpec,
} from '../../shared/catalog'
import {
  ancestors,
  buildGraph,
  topologicalOrder,
} from '../../shared/workflow/graph'
import type {
  WorkflowDocument,
  WorkflowNode,
} from '../../shared/workflow/schema'
import { CONDITION_OUTPUTS } from '../../shared/workflow/step-outputs'
import type { DataSource } from './types'

/**
 * What the step `nodeId` can read, for its data tree: the trigger's
 * payload (the trigger's own `source` reads it too), then the result of
 * every step that runs before it (its ancestors), in the order they run.
 * Steps on other branches or after it are left out: the validator would
 * refuse a placeholder reading them.
 */
export function dataSourcesFor(
  document: WorkflowDocument,
  nodeId: string,
): DataSource[] {
  const graph = buildGraph(document.nodes, document.edges)
  const upstream = ancestors(graph, nodeId)
  const sources: DataSource[] = []

  const trigger = document.nodes.find((node) => node.kind === 'trigger')
  if (trigger) {
    sources.push({
      id: 'trigger',
      label: trigger.label,
      root: 'trigger',
      prefix: [],
      ...(trigger.sample === undefined ? {} : { value: trigger.sample }),
    })
  }
  // A loop leaves steps out of the order; they follow, as written.
  const { order, cyclic } = topologicalOrder(graph)
  for (const id of [...order, ...cyclic]) {
    const node = graph.nodes.get(id)
    if (node && node.kind !== 'trigger' && upstream.has(id)) {
      sources.push(stepSource(node))
    }
  }
  return sources
}

function stepSource(
  node: Exclude<WorkflowNode, { kind: 'trigger' }>,
): DataSource {
  const outputs =
    node.kind === 'app'
      ? (findAction(node.app, node.action)?.outputs ?? [])
      : CONDITION_OUTPUTS
  const source: DataSource = {
    id: node.id,
    label: node.label,
    root: 'steps',
    prefix: [node.id],
    fields: withOutputs(outputs),
  }
  if (node.kind === 'app' && node.pinned) source.value = node.pinned
  return source
}

/** The step result's fields, with `output` described by the action. */
function withOutputs(outputs: FieldSpec[]): FieldSpec[] {
  return STEP_RESULT_FIELDS.map((field) =>
    field.name === 'output' ? { ...field, fields: outputs } : field,
  )
}
