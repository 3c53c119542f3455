import type { Problem } from '../../shared/workflow/problems'
import type { WorkflowDocument } from '../../shared/workflow/schema'
import {
  validateWorkflow,
  type ValidateOptions,
} from '../../shared/workflow/validate'

/** Problems of a document, as the editor shows them. */
export interface ProblemReport {
  /** Every problem, in the validator's order. */
  all: Problem[]
  /** The problems of each step, by step id, to mark it on the canvas. */
  byNode: ReadonlyMap<string, Problem[]>
  /** Problems of the workflow as a whole (no trigger, no title…). */
  general: Problem[]
}

const NODE_PATH = /^nodes\[(\d+)\]/

/**
 * Validates the document and sorts the problems by step. A structure
 * problem carries only a path (`nodes[3].label`); the step is found
 * from it, so a missing label is marked on its step too.
 */
export function reportProblems(
  document: WorkflowDocument,
  options: ValidateOptions = {},
): ProblemReport {
  const result = validateWorkflow(document, options)
  const all = result.problems.map((problem): Problem => {
    if (problem.nodeId || !problem.path) return problem
    const index = NODE_PATH.exec(problem.path)?.[1]
    const nodeId = index === undefined ? undefined : document.nodes[+index]?.id
    return nodeId ? { ...problem, nodeId } : problem
  })
  const byNode = new Map<string, Problem[]>()
  const general: Problem[] = []
  for (const problem of all) {
    if (!problem.nodeId) {
      general.push(problem)
      continue
    }
    const list = byNode.get(problem.nodeId)
    if (list) list.push(problem)
    else byNode.set(problem.nodeId, [problem])
  }
  return { all, byNode, general }
}
