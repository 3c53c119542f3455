/** Why a workflow document was refused; every problem is listed. */
export type ProblemCode =
  | 'invalid_structure'
  | 'duplicate_node'
  | 'missing_trigger'
  | 'multiple_triggers'
  | 'unknown_app'
  | 'unknown_action'
  | 'unknown_configuration'
  | 'missing_input'
  | 'unknown_input'
  | 'invalid_input'
  | 'type_mismatch'
  | 'invalid_placeholder'
  | 'unknown_step'
  | 'not_upstream'
  | 'unknown_field'
  | 'missing_operand'
  | 'invalid_operator'
  | 'dangling_edge'
  | 'invalid_branch'
  | 'cycle'
  | 'unreachable'

export interface Problem {
  code: ProblemCode
  message: string
  /** The node the problem belongs to, so the editor can mark it. */
  nodeId?: string
  /** Where in the document, e.g. `nodes[2].inputs.username`. */
  path?: string
}
