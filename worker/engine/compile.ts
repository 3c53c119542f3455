import {
  findAction,
  type ActionSpec,
  type FieldSpec,
} from '../../shared/catalog'
import { parseTemplate, type Template } from '../../shared/placeholders/parse'
import { buildGraph, topologicalOrder } from '../../shared/workflow/graph'
import {
  WorkflowDocument,
  type AppNode,
  type ConditionNode,
  type ConditionRule,
  type WorkflowEdge,
} from '../../shared/workflow/schema'

/**
 * A published workflow version prepared for running: templates parsed,
 * steps in graph order, edges indexed. Built once per version and kept
 * for as long as the isolate lives, so a job never re-parses anything.
 */
export interface CompiledWorkflow {
  id: string
  version: number
  title: string
  entity: string
  source: Template
  triggerId: string
  stepIds: ReadonlySet<string>
  steps: CompiledStep[]
}

export type CompiledStep = CompiledAppStep | CompiledConditionStep

export interface CompiledAppStep {
  kind: 'app'
  node: AppNode
  action: ActionSpec
  inputs: CompiledInput[]
  incoming: WorkflowEdge[]
}

export interface CompiledInput {
  spec: FieldSpec
  /** A template for text values; numbers and booleans are kept as is. */
  value: Template | number | boolean | undefined
}

export interface CompiledConditionStep {
  kind: 'condition'
  node: ConditionNode
  rules: CompiledRule[]
  incoming: WorkflowEdge[]
}

export interface CompiledRule {
  rule: ConditionRule
  value: Template
  operand?: Template
  operandTo?: Template
}

export function compileWorkflow(
  id: string,
  version: number,
  input: unknown,
): CompiledWorkflow {
  const document = WorkflowDocument.parse(input)
  const graph = buildGraph(document.nodes, document.edges)
  const trigger = document.nodes.find((node) => node.kind === 'trigger')
  if (!trigger) throw new Error(`Workflow ${id}@${version} has no trigger`)

  const steps: CompiledStep[] = []
  for (const nodeId of topologicalOrder(graph).order) {
    const node = graph.nodes.get(nodeId)!
    const incoming = graph.incoming.get(nodeId) ?? []
    if (node.kind === 'app') {
      steps.push(compileAppStep(node, incoming))
    } else if (node.kind === 'condition') {
      const rules = node.rules.map((rule) => ({
        rule,
        value: parseTemplate(rule.value),
        operand: optionalTemplate(rule.operand),
        operandTo: optionalTemplate(rule.operandTo),
      }))
      steps.push({ kind: 'condition', node, rules, incoming })
    }
  }
  return {
    id,
    version,
    title: document.title,
    entity: trigger.entity,
    source: parseTemplate(trigger.source),
    triggerId: trigger.id,
    stepIds: new Set(document.nodes.map((node) => node.id)),
    steps,
  }
}

/**
 * One app node, ready to run. Also used alone by a test run, which runs
 * a node outside any workflow exactly as a job would.
 * Throws on an unknown action and on placeholder syntax errors.
 */
export function compileAppStep(
  node: AppNode,
  incoming: WorkflowEdge[] = [],
): CompiledAppStep {
  const action = findAction(node.app, node.action)
  if (!action) throw new Error(`Unknown action ${node.app}.${node.action}`)
  const inputs = action.inputs.map((spec) => ({
    spec,
    value: compileValue(node.inputs[spec.name]),
  }))
  return { kind: 'app', node, action, inputs, incoming }
}

function compileValue(
  value: string | number | boolean | undefined,
): CompiledInput['value'] {
  return typeof value === 'string' ? parseTemplate(value) : value
}

function optionalTemplate(text: string | undefined): Template | undefined {
  return text === undefined ? undefined : parseTemplate(text)
}
