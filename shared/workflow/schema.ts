import { z } from 'zod'
import { OPERATORS } from '../conditions/operators'
import { NODE_STATUSES } from '../status'

/**
 * The workflow document, format version 1. It is what the editor saves,
 * what the API stores and versions, and what the engine compiles. The
 * structure is checked here; `validateWorkflow` adds the checks that need
 * the whole graph and the app catalog.
 */
export const WORKFLOW_FORMAT = 'switchboard.workflow'
export const WORKFLOW_FORMAT_VERSION = 1

/** Step ids appear in placeholders, so they are plain names. */
export const NodeId = z
  .string()
  .regex(
    /^[a-z][a-z0-9_]{0,63}$/,
    'must start with a lowercase letter and use only a-z, 0-9 and _',
  )

const Position = z.object({ x: z.number(), y: z.number() })

/** A literal or a template with placeholders (strings only). */
export const InputValue = z.union([z.string(), z.number(), z.boolean()])

const base = {
  id: NodeId,
  label: z
    .string()
    .trim()
    .min(1, 'needs a label')
    .max(120, 'is longer than 120 characters'),
  position: Position.optional(),
}

export const TriggerNode = z.object({
  ...base,
  kind: z.literal('trigger'),
  /** The event the service desk sends, e.g. `service_request.created`. */
  event: z.string().trim().min(1).max(120),
  /** The entity the workflow fires for: ticket, change, asset... */
  entity: z.string().trim().min(1).max(60),
  /** Where the record's id is in the payload, e.g. `{{trigger.ticket.id}}`. */
  source: z.string().max(500),
  /** A sample payload, for the editor's data tree. */
  sample: z.unknown().optional(),
})

export const AppNode = z.object({
  ...base,
  kind: z.literal('app'),
  app: z.string().min(1),
  action: z.string().min(1),
  /** Id of the app configuration (tenant and credentials) to run in. */
  configuration: z.string().min(1, 'needs a configuration'),
  inputs: z.record(z.string(), InputValue).default({}),
  /**
   * What an app error does to the job: `stop` ends it; `continue` lets the
   * workflow branch on the answer (a lookup that finds nothing, say).
   * A systemic failure always stops the job.
   */
  onError: z.enum(['stop', 'continue']).default('stop'),
  /**
   * A test run's result the designer pinned: the editor offers its fields
   * for binding. The engine never reads it.
   */
  pinned: z
    .object({
      status: z.enum(NODE_STATUSES).optional(),
      statusCode: z.number().nullable(),
      message: z.string(),
      output: z.unknown(),
    })
    .optional(),
})

export const ConditionRule = z.object({
  value: z.string().max(2000),
  operator: z.enum(OPERATORS),
  compareAs: z.enum(['text', 'number', 'list']).default('text'),
  operand: z.string().max(2000).optional(),
  operandTo: z.string().max(2000).optional(),
  ignoreCase: z.boolean().optional(),
})

export const ConditionNode = z.object({
  ...base,
  kind: z.literal('condition'),
  match: z.enum(['all', 'any']).default('all'),
  rules: z.array(ConditionRule).min(1, 'needs at least one rule').max(50),
})

export const WorkflowNode = z.discriminatedUnion('kind', [
  TriggerNode,
  AppNode,
  ConditionNode,
])

export const WorkflowEdge = z.object({
  source: NodeId,
  target: NodeId,
  /** Which output of a condition node: its true or its false branch. */
  branch: z.enum(['true', 'false']).optional(),
})

/** A sticky note on the canvas; it has no effect on runs. */
export const StickyNote = z.object({
  id: z.string().min(1).max(64),
  text: z.string().max(4000),
  position: Position,
  width: z.number().positive().max(2000).optional(),
  height: z.number().positive().max(2000).optional(),
})

export const WorkflowDocument = z.object({
  format: z.literal(WORKFLOW_FORMAT),
  formatVersion: z.literal(WORKFLOW_FORMAT_VERSION),
  title: z
    .string()
    .trim()
    .min(1, 'needs a title')
    .max(200, 'is longer than 200 characters'),
  description: z.string().max(2000).default(''),
  nodes: z.array(WorkflowNode).min(1).max(1000),
  edges: z.array(WorkflowEdge).max(4000),
  notes: z.array(StickyNote).max(200).default([]),
})

export type TriggerNode = z.infer<typeof TriggerNode>
export type AppNode = z.infer<typeof AppNode>
export type ConditionRule = z.infer<typeof ConditionRule>
export type ConditionNode = z.infer<typeof ConditionNode>
export type WorkflowNode = z.infer<typeof WorkflowNode>
export type WorkflowEdge = z.infer<typeof WorkflowEdge>
export type StickyNote = z.infer<typeof StickyNote>
export type WorkflowDocument = z.infer<typeof WorkflowDocument>
/** The document as written, before defaults are filled in. */
export type WorkflowDocumentInput = z.input<typeof WorkflowDocument>
/** An app node as written, before defaults are filled in. */
export type AppNodeInput = z.input<typeof AppNode>
