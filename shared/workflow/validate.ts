import type { z } from 'zod'
import {
  buildGraph,
  descendants,
  topologicalOrder,
  upstreamIndex,
  type WorkflowGraph,
} from './graph'
import type { Problem } from './problems'
import { WorkflowDocument, type WorkflowEdge } from './schema'
import { checkNodeBindings } from './validate-bindings'

export type ValidationResult =
  | { ok: true; document: WorkflowDocument; problems: [] }
  | { ok: false; problems: Problem[] }

export interface ValidateOptions {
  /** Ids of existing configurations per app; omit to skip that check. */
  configurations?: ReadonlyMap<string, ReadonlySet<string>>
}

/**
 * Checks a workflow document completely and lists every problem: the
 * structure first (a malformed document cannot be checked further), then
 * the graph, the app actions, the inputs and every placeholder.
 */
export function validateWorkflow(
  input: unknown,
  options: ValidateOptions = {},
): ValidationResult {
  const parsed = WorkflowDocument.safeParse(input)
  if (!parsed.success) {
    return { ok: false, problems: structureProblems(parsed.error) }
  }
  const document = parsed.data
  const graph = buildGraph(document.nodes, document.edges)
  const scope = { graph, upstreamOf: upstreamIndex(graph), options }
  const problems = [
    ...checkGraph(document, graph),
    ...document.nodes.flatMap((node, index) =>
      checkNodeBindings(node, index, scope),
    ),
  ]
  return problems.length === 0
    ? { ok: true, document, problems: [] }
    : { ok: false, problems }
}

function structureProblems(error: z.ZodError): Problem[] {
  return error.issues.map((issue) => {
    const path = formatIssuePath(issue.path)
    return {
      code: 'invalid_structure',
      message: path ? `${path}: ${issue.message}` : issue.message,
      ...(path ? { path } : {}),
    }
  })
}

/** `nodes[2].inputs.username`: a Zod issue's place in a document. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out ? `.${String(key)}` : String(key)
  }
  return out
}

function checkGraph(
  document: WorkflowDocument,
  graph: WorkflowGraph,
): Problem[] {
  const problems: Problem[] = []
  const ids = new Set<string>()
  document.nodes.forEach((node, index) => {
    if (ids.has(node.id)) {
      problems.push({
        code: 'duplicate_node',
        message: `Two steps have the id "${node.id}"`,
        nodeId: node.id,
        path: `nodes[${index}].id`,
      })
    }
    ids.add(node.id)
  })

  const triggers = document.nodes.filter((node) => node.kind === 'trigger')
  if (triggers.length === 0) {
    problems.push({
      code: 'missing_trigger',
      message: 'The workflow has no trigger',
    })
  } else if (triggers.length > 1) {
    problems.push({
      code: 'multiple_triggers',
      message: `The workflow has ${triggers.length} triggers; it needs one`,
    })
  }

  document.edges.forEach((edge, index) => {
    problems.push(...checkEdge(graph, edge, index))
  })

  const { cyclic } = topologicalOrder(graph)
  if (cyclic.length > 0) {
    problems.push({
      code: 'cycle',
      message: `These steps form a loop: ${cyclic.join(', ')}`,
      nodeId: cyclic[0],
    })
  }
  if (triggers.length === 1) {
    const reachable = descendants(graph, triggers[0]!.id)
    for (const node of document.nodes) {
      if (!reachable.has(node.id)) {
        problems.push({
          code: 'unreachable',
          message: `"${node.label}" is not connected to the trigger`,
          nodeId: node.id,
        })
      }
    }
  }
  return problems
}

function checkEdge(
  graph: WorkflowGraph,
  edge: WorkflowEdge,
  index: number,
): Problem[] {
  const path = `edges[${index}]`
  const problems: Problem[] = []
  for (const end of ['source', 'target'] as const) {
    if (!graph.nodes.has(edge[end])) {
      problems.push({
        code: 'dangling_edge',
        message: `A connection's ${end} "${edge[end]}" is not a step`,
        path: `${path}.${end}`,
      })
    }
  }
  if (edge.source === edge.target) {
    problems.push({
      code: 'cycle',
      message: `"${edge.source}" is connected to itself`,
      nodeId: edge.source,
      path,
    })
  }
  const source = graph.nodes.get(edge.source)
  const target = graph.nodes.get(edge.target)
  if (target?.kind === 'trigger') {
    problems.push({
      code: 'invalid_branch',
      message: 'Nothing can connect into the trigger',
      nodeId: target.id,
      path,
    })
  }
  if (source?.kind === 'condition' && !edge.branch) {
    problems.push({
      code: 'invalid_branch',
      message:
        `A connection from condition "${source.label}" must leave ` +
        'from its true or its false output',
      nodeId: source.id,
      path,
    })
  }
  if (source && source.kind !== 'condition' && edge.branch) {
    problems.push({
      code: 'invalid_branch',
      message:
        `"${source.label}" is not a condition, so it has no ` +
        `${edge.branch} branch`,
      nodeId: source.id,
      path,
    })
  }
  return problems
}
