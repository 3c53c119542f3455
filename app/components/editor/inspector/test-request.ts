import type {
  PinnedStepResult,
  TestActionRequest,
} from '../../../../shared/api'
import { ancestors, buildGraph } from '../../../../shared/workflow/graph'
import type { WorkflowDocument } from '../../../../shared/workflow/schema'
import { findNode } from '../../../editor/document'

/**
 * The body of `POST /api/test-action` for an app step: the step as it
 * is now, the trigger's sample, and the pinned results of the app steps
 * that run before it, which its placeholders may read. Null for a step
 * that is not an app step.
 */
export function testRequest(
  document: WorkflowDocument,
  nodeId: string,
  workflowId: string | null,
): TestActionRequest | null {
  const node = findNode(document, nodeId)
  if (node?.kind !== 'app') return null
  const { pinned: _pinned, position: _position, ...step } = node
  const trigger = document.nodes.find((n) => n.kind === 'trigger')
  const upstream = ancestors(buildGraph(document.nodes, document.edges), nodeId)
  const steps: Record<string, PinnedStepResult> = {}
  for (const other of document.nodes) {
    if (other.kind === 'app' && other.pinned && upstream.has(other.id)) {
      steps[other.id] = other.pinned
    }
  }
  return {
    node: step,
    ...(trigger?.sample === undefined ? {} : { trigger: trigger.sample }),
    steps,
    ...(workflowId ? { workflowId } : {}),
  }
}
