import { z } from 'zod'
import { OPERATORS } from '../../shared/conditions/operators'
import {
  AppNode,
  InputValue,
  WORKFLOW_FORMAT,
  WORKFLOW_FORMAT_VERSION,
  WorkflowDocument,
  type StickyNote,
  type WorkflowEdge,
  type WorkflowNode,
} from '../../shared/workflow/schema'
import { plain } from './document'

/**
 * Documents with problems must still open in the editor, where the user
 * fixes them: a missing label or configuration, a step id with a capital
 * letter. These schemas accept any document the canvas can draw, filling
 * what is missing with the empty value the editor shows as "to fill in".
 * `validateWorkflow` still reports every problem of the original.
 */
const text = z.string().catch('')
const position = z
  .object({ x: z.number(), y: z.number() })
  .optional()
  .catch(undefined)
const base = { id: z.string().min(1), label: text, position }

const LooseTrigger = z.object({
  ...base,
  kind: z.literal('trigger'),
  event: text,
  entity: text,
  source: text,
  sample: z.unknown().optional(),
})

const LooseApp = z.object({
  ...base,
  kind: z.literal('app'),
  app: text,
  action: text,
  configuration: text,
  inputs: z.record(z.string(), InputValue).catch({}),
  onError: z.enum(['stop', 'continue']).catch('stop'),
  pinned: AppNode.shape.pinned.catch(undefined),
})

const LooseRule = z.object({
  value: text,
  operator: z.enum(OPERATORS).catch('equals'),
  compareAs: z.enum(['text', 'number', 'list']).catch('text'),
  operand: z.string().optional().catch(undefined),
  operandTo: z.string().optional().catch(undefined),
  ignoreCase: z.boolean().optional().catch(undefined),
})

const LooseCondition = z.object({
  ...base,
  kind: z.literal('condition'),
  match: z.enum(['all', 'any']).catch('all'),
  rules: z.array(z.unknown()).catch([]),
})

const LooseNode = z.discriminatedUnion('kind', [
  LooseTrigger,
  LooseApp,
  LooseCondition,
])

const LooseEdge = z.object({
  source: z.string(),
  target: z.string(),
  branch: z.enum(['true', 'false']).optional().catch(undefined),
})

const LooseNote = z.object({
  id: z.string().min(1),
  text,
  position: z.object({ x: z.number(), y: z.number() }).catch({ x: 0, y: 0 }),
  width: z.number().positive().optional().catch(undefined),
  height: z.number().positive().optional().catch(undefined),
})

const LooseDocument = z.object({
  format: z.literal(WORKFLOW_FORMAT),
  formatVersion: z.number(),
  title: text,
  description: text,
  nodes: z.array(z.unknown()),
  edges: z.array(z.unknown()).catch([]),
  notes: z.array(z.unknown()).catch([]),
})

export type EditableResult =
  { ok: true; document: WorkflowDocument } | { ok: false; message: string }

/**
 * Turns parsed JSON into a document the editor can hold, or says why it
 * cannot: not a Switchboard workflow, or from a newer Switchboard. Nodes,
 * edges and notes too broken to draw are left out (the caller has the
 * validator's problems, which name them).
 */
export function toEditableDocument(value: unknown): EditableResult {
  const strict = WorkflowDocument.safeParse(value)
  if (strict.success) return { ok: true, document: strict.data }

  const loose = LooseDocument.safeParse(value)
  if (!loose.success) {
    return {
      ok: false,
      message:
        'This is not a Switchboard workflow: it needs "format": ' +
        `"${WORKFLOW_FORMAT}" and a list of nodes`,
    }
  }
  const { formatVersion } = loose.data
  if (formatVersion !== WORKFLOW_FORMAT_VERSION) {
    return {
      ok: false,
      message:
        `This workflow is in format version ${formatVersion}; this ` +
        `Switchboard reads version ${WORKFLOW_FORMAT_VERSION}`,
    }
  }
  const nodes = keepValid(LooseNode, loose.data.nodes).map(toNode)
  // A JSON round trip drops the `undefined` that `.catch` leaves behind.
  return {
    ok: true,
    document: plain({
      format: WORKFLOW_FORMAT,
      formatVersion: WORKFLOW_FORMAT_VERSION,
      title: loose.data.title,
      description: loose.data.description,
      nodes,
      edges: keepValid(LooseEdge, loose.data.edges) as WorkflowEdge[],
      notes: keepValid(LooseNote, loose.data.notes) as StickyNote[],
    }),
  }
}

function toNode(node: z.infer<typeof LooseNode>): WorkflowNode {
  if (node.kind !== 'condition') return node as WorkflowNode
  const rules = keepValid(LooseRule, node.rules)
  return { ...node, rules }
}

function keepValid<T>(schema: z.ZodType<T>, items: readonly unknown[]): T[] {
  return items.flatMap((item) => {
    const parsed = schema.safeParse(item)
    return parsed.success ? [parsed.data] : []
  })
}
