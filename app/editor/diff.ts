import type {
  WorkflowDocument,
  WorkflowEdge,
  WorkflowNode,
} from '../../shared/workflow/schema'

/** A step named in a diff. */
export interface NodeRef {
  id: string
  label: string
  kind: WorkflowNode['kind']
}

export interface ChangedNode {
  id: string
  /** The label in the draft (the one the user knows now). */
  label: string
  /**
   * Paths of the changed fields, e.g. `label`, `inputs.username`,
   * `rules[0].operand`, `pinned`. A sample or pinned result counts as one
   * field, however deep it changed.
   */
  fields: string[]
}

export interface DocumentDiff {
  titleChanged: boolean
  descriptionChanged: boolean
  addedNodes: NodeRef[]
  removedNodes: NodeRef[]
  changedNodes: ChangedNode[]
  addedEdges: WorkflowEdge[]
  removedEdges: WorkflowEdge[]
  /** Sticky notes added, removed or changed (moves only with positions). */
  notesChanged: number
  /** False when the draft is the published version (as compared). */
  hasChanges: boolean
}

export interface DiffOptions {
  /** Count moved steps and notes as changes; off by default. */
  includePositions?: boolean
}

// Compared as wholes: their inside is sample data, not configuration.
const OPAQUE = new Set(['sample', 'pinned'])

/**
 * What a draft changes against the published version, for a review
 * before publishing: which steps were added, removed or changed, and in
 * which fields. Connections are compared by their ends and branch.
 */
export function diffDocuments(
  published: WorkflowDocument,
  draft: WorkflowDocument,
  { includePositions = false }: DiffOptions = {},
): DocumentDiff {
  const before = new Map(published.nodes.map((node) => [node.id, node]))
  const after = new Map(draft.nodes.map((node) => [node.id, node]))
  const ref = ({ id, label, kind }: WorkflowNode): NodeRef => ({
    id,
    label,
    kind,
  })

  const changedNodes: ChangedNode[] = []
  for (const node of draft.nodes) {
    const old = before.get(node.id)
    if (!old) continue
    const fields = changedPaths(old, node, '').filter(
      (path) => includePositions || !isPosition(path),
    )
    if (fields.length > 0) {
      changedNodes.push({ id: node.id, label: node.label, fields })
    }
  }

  const edgeKey = (e: WorkflowEdge) =>
    `${e.source}->${e.target}:${e.branch ?? ''}`
  const oldEdges = new Set(published.edges.map(edgeKey))
  const newEdges = new Set(draft.edges.map(edgeKey))

  const diff = {
    titleChanged: published.title !== draft.title,
    descriptionChanged: published.description !== draft.description,
    addedNodes: draft.nodes.filter((n) => !before.has(n.id)).map(ref),
    removedNodes: published.nodes.filter((n) => !after.has(n.id)).map(ref),
    changedNodes,
    addedEdges: draft.edges.filter((e) => !oldEdges.has(edgeKey(e))),
    removedEdges: published.edges.filter((e) => !newEdges.has(edgeKey(e))),
    notesChanged: countNoteChanges(published, draft, includePositions),
  }
  const hasChanges =
    diff.titleChanged ||
    diff.descriptionChanged ||
    diff.notesChanged > 0 ||
    [
      diff.addedNodes,
      diff.removedNodes,
      diff.changedNodes,
      diff.addedEdges,
      diff.removedEdges,
    ].some((list) => list.length > 0)
  return { ...diff, hasChanges }
}

function isPosition(path: string): boolean {
  return path === 'position' || path.startsWith('position.')
}

function countNoteChanges(
  published: WorkflowDocument,
  draft: WorkflowDocument,
  includePositions: boolean,
): number {
  const strip = <T extends { position?: unknown }>(note: T) =>
    includePositions ? note : { ...note, position: undefined }
  const before = new Map(published.notes.map((note) => [note.id, note]))
  let changes = published.notes.filter(
    (note) => !draft.notes.some((n) => n.id === note.id),
  ).length
  for (const note of draft.notes) {
    const old = before.get(note.id)
    if (!old || changedPaths(strip(old), strip(note), '').length > 0) {
      changes++
    }
  }
  return changes
}

/**
 * Paths where two JSON values differ: into objects by key and into lists
 * by index; a missing key and `undefined` are the same.
 */
export function changedPaths(a: unknown, b: unknown, at: string): string[] {
  if (Object.is(a, b)) return []
  if (Array.isArray(a) && Array.isArray(b)) {
    const length = Math.max(a.length, b.length)
    const paths: string[] = []
    for (let i = 0; i < length; i++) {
      const path = `${at}[${i}]`
      if (i >= a.length || i >= b.length) paths.push(path)
      else paths.push(...changedPaths(a[i], b[i], path))
    }
    return paths
  }
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)])
    return [...keys].flatMap((key) => {
      const path = at ? `${at}.${key}` : key
      if (!at && OPAQUE.has(key)) {
        return JSON.stringify(a[key]) === JSON.stringify(b[key]) ? [] : [path]
      }
      return changedPaths(a[key], b[key], path)
    })
  }
  return [at]
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
