import type { ConditionRule } from '../../../shared/workflow/schema'
import type { NodeStatus } from '../../../shared/status'

/** What an app node's input holds (`AppNode.inputs`). */
export type InputValue = string | number | boolean

/** A validator problem as the inspector shows it; matched by `path`. */
export interface InspectorProblem {
  /** Where in the document, e.g. `nodes[3].inputs.username`. */
  path?: string
  message: string
}

/** What the condition builder edits: a condition node's rules. */
export interface ConditionModel {
  match: 'all' | 'any'
  rules: ConditionRule[]
}

/** A test run's result, or the one the designer pinned. */
export interface StepResult {
  status: NodeStatus
  /** What the app answered with; null when no app was called. */
  statusCode: number | null
  message: string
  output: unknown
}
