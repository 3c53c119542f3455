import type { z } from 'zod'
import {
  buildGraph,
  descendants,
  topologicalOrder,
  upstreamIndex,
  type WorkflowGraph,
} from './graph'
import type { Problem } from './problems'
import {
  WORKFLOW_FORMAT,
  WORKFLOW_FORMAT_VERSION,
  WorkflowDocument,
  WorkflowEdge,
  WorkflowNode,
} from './schema'
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
 * structure, the graph, the app actions, the inputs and every placeholder.
 * In a malformed document the steps and connections that are well formed
 * are still checked, so one broken step does not hide the rest.
 */
export function validateWorkflow(
  input: unknown,
  options: ValidateOptions = {},
): ValidationResult {
  const parsed = WorkflowDocument.safeParse(input)
  if (parsed.success) {
    const problems = checkParts(parsed.data, options)
    return problems.length === 0
      ? { ok: true, document: parsed.data, problems: [] }
      : { ok: false, problems }
  }
  const structure = structureProblems(parsed.error)
  const parts = wellFormedParts(input)
  if (!parts) return { ok: false, problems: structure }
  return {
    ok: false,
    problems: [...structure, ...checkParts(parts.document, options, parts)],
  }
}

/** Where the parts checked stand in the document as written. */
interface Positions {
  nodeAt: readonly number[]
  edgeAt: readonly number[]
  /** Ids of steps too malformed to check: they exist, nothing more. */
  brokenIds: ReadonlySet<string>
}

function checkParts(
  document: WorkflowDocument,
  options: ValidateOptions,
  positions?: Positions,
): Problem[] {
  const graph = buildGraph(document.nodes, document.edges)
  const scope = {
    graph,
    upstreamOf: upstreamIndex(graph),
    options,
    brokenIds: positions?.brokenIds ?? new Set<string>(),
  }
  return [
    ...checkGraph(document, graph, positions),
    ...document.nodes.flatMap((node, index) =>
      checkNodeBindings(node, positions?.nodeAt[index] ?? index, scope),
    ),
  ]
}

/**
 * The steps and connections of a malformed document that parse on their
 * own. Connections touching a broken step are left out, since what they
 * lead to cannot be known.
 */
function wellFormedParts(
  input: unknown,
): (Positions & { document: WorkflowDocument }) | null {
  if (input === null || typeof input !== 'object') return null
  const raw = input as { nodes?: unknown; edges?: unknown }
  const rawNodes = Array.isArray(raw.nodes) ? raw.nodes : []
  const rawEdges = Array.isArray(raw.edges) ? raw.edges : []
  const nodes: WorkflowDocument['nodes'] = []
  const nodeAt: number[] = []
  const brokenIds = new Set<string>()
  rawNodes.forEach((item: unknown, index) => {
    const node = WorkflowNode.safeParse(item)
    if (node.success) {
      nodes.push(node.data)
      nodeAt.push(index)
    } else {
      const id = (item as { id?: unknown } | null)?.id
      if (typeof id === 'string') brokenIds.add(id)
    }
  })
  const edges: WorkflowEdge[] = []
  const edgeAt: number[] = []
  rawEdges.forEach((item: unknown, index) => {
    const edge = WorkflowEdge.safeParse(item)
    if (!edge.success) return
    if (brokenIds.has(edge.data.source) || brokenIds.has(edge.data.target)) {
      return
    }
    edges.push(edge.data)
    edgeAt.push(index)
  })
  const document: WorkflowDocument = {
    format: WORKFLOW_FORMAT,
    formatVersion: WORKFLOW_FORMAT_VERSION,
    title: 'unchecked',
    description: '',
    nodes,
    edges,
    notes: [],
  }
  return { document, nodeAt, edgeAt, brokenIds }
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
  positions?: Positions,
): Problem[] {
  const nodeAt = (index: number) => positions?.nodeAt[index] ?? index
  const edgeAt = (index: number) => positions?.edgeAt[index] ?? index
  const problems: Problem[] = []
  const ids = new Set<string>()
  document.nodes.forEach((node, index) => {
    if (ids.has(node.id)) {
      problems.push({
        code: 'duplicate_node',
        message: `Two steps have the id "${node.id}"`,
        nodeId: node.id,
        path: `nodes[${nodeAt(index)}].id`,
      })
    }
    ids.add(node.id)
  })

  const triggers = document.nodes.filter((node) => node.kind === 'trigger')
  // With a broken step in the way, what reaches what is not known.
  const complete = !positions || positions.brokenIds.size === 0
  if (triggers.length === 0 && complete) {
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
    problems.push(...checkEdge(graph, edge, edgeAt(index)))
  })

  const { cyclic } = topologicalOrder(graph)
  if (cyclic.length > 0) {
    problems.push({
      code: 'cycle',
      message: `These steps form a loop: ${cyclic.join(', ')}`,
      nodeId: cyclic[0],
    })
  }
  if (triggers.length === 1 && complete) {
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
