import {
  APPS,
  findAction,
  STEP_RESULT_FIELDS,
  type FieldSpec,
  type FieldType,
} from '../catalog'
import {
  OPERATOR_LABELS,
  OPERATORS_BY_TYPE,
  UNARY_OPERATORS,
} from '../conditions/operators'
import {
  parseTemplate,
  PlaceholderSyntaxError,
  templatePaths,
  type Template,
  type ValuePath,
} from '../placeholders/parse'
import {
  boundStepType,
  comparisonRefuses,
  inputRefuses,
  TYPE_NAMES,
} from './binding-types'
import type { Upstream, WorkflowGraph } from './graph'
import type { Problem } from './problems'
import type { AppNode, ConditionNode, WorkflowNode } from './schema'
import { CONDITION_OUTPUTS } from './step-outputs'
import type { ValidateOptions } from './validate'

/** What the binding checks of one document share. */
export interface BindingScope {
  graph: WorkflowGraph
  /** The steps that run before a given one (see upstreamIndex). */
  upstreamOf: (id: string) => Upstream
  /** Steps too malformed to check: bindings to them are not judged. */
  brokenIds: ReadonlySet<string>
  options: ValidateOptions
}

const ANY_STEP: Upstream = { has: () => true }

/** Checks a node's action, inputs and every placeholder it holds. */
export function checkNodeBindings(
  node: WorkflowNode,
  index: number,
  scope: BindingScope,
): Problem[] {
  const at = (field: string) => `nodes[${index}].${field}`
  const problems: Problem[] = []
  const report = (problem: Omit<Problem, 'nodeId'>) =>
    problems.push({ ...problem, nodeId: node.id })
  // With a broken step in the graph, what runs before what is not known.
  const upstream =
    scope.brokenIds.size > 0 ? ANY_STEP : scope.upstreamOf(node.id)
  const template = (text: string, path: string) =>
    checkTemplate(text, path, upstream, scope, report)
  const bound = (parsed: Template | undefined) =>
    boundStepType(parsed, upstream, scope.graph)

  if (node.kind === 'trigger') {
    const parsed = template(node.source, at('source'))
    if (parsed && templatePaths(parsed).some((p) => p.root !== 'trigger')) {
      report({
        code: 'invalid_placeholder',
        message: 'The source id must come from the trigger payload',
        path: at('source'),
      })
    }
  } else if (node.kind === 'app') {
    checkAppNode(node, at, scope, { template, bound }, report)
  } else {
    checkConditionNode(node, at, { template, bound }, report)
  }
  return problems
}

type Report = (problem: Omit<Problem, 'nodeId'>) => void

/** Parses and checks a template; and the type of the field it binds. */
interface TemplateChecks {
  template: (text: string, path: string) => Template | undefined
  bound: (parsed: Template | undefined) => FieldType | undefined
}

function checkAppNode(
  node: AppNode,
  at: (field: string) => string,
  scope: BindingScope,
  { template, bound }: TemplateChecks,
  report: Report,
): void {
  const action = findAction(node.app, node.action)
  if (!action) {
    report({
      code: APPS.has(node.app) ? 'unknown_action' : 'unknown_app',
      message:
        `"${node.label}" uses ${node.app}.${node.action}, ` +
        'which is not in the app catalog',
      path: at('action'),
    })
    return
  }
  const configurations = scope.options.configurations?.get(node.app)
  if (configurations && !configurations.has(node.configuration)) {
    report({
      code: 'unknown_configuration',
      message:
        `"${node.label}" uses configuration "${node.configuration}", ` +
        `which ${node.app} does not have`,
      path: at('configuration'),
    })
  }
  const specs = new Map(action.inputs.map((spec) => [spec.name, spec]))
  for (const name of Object.keys(node.inputs)) {
    if (!specs.has(name)) {
      report({
        code: 'unknown_input',
        message: `"${action.label}" has no input "${name}"`,
        path: at(`inputs.${name}`),
      })
    }
  }
  for (const spec of action.inputs) {
    const value = node.inputs[spec.name]
    const path = at(`inputs.${spec.name}`)
    if (value === undefined || value === '') {
      if (spec.required) {
        report({
          code: 'missing_input',
          message: `"${node.label}" needs a value for "${spec.label}"`,
          path,
        })
      }
      continue
    }
    if (typeof value !== 'string') {
      checkLiteral(spec, value, path, report)
      continue
    }
    const parsed = template(value, path)
    if (parsed?.kind === 'literal') checkLiteral(spec, value, path, report)
    const type = bound(parsed)
    if (type && inputRefuses(spec.type, type)) {
      report({
        code: 'type_mismatch',
        message:
          `"${spec.label}" expects ${describeType(spec)}, but ` +
          `${value} is ${TYPE_NAMES[type]}`,
        path,
      })
    }
  }
}

function checkLiteral(
  spec: FieldSpec,
  value: string | number | boolean,
  path: string,
  report: Report,
): void {
  const text = String(value).trim()
  let valid = true
  if (spec.type === 'number') valid = text !== '' && Number.isFinite(+text)
  if (spec.type === 'boolean') valid = text === 'true' || text === 'false'
  if (spec.type === 'choice') {
    valid = (spec.choices ?? []).some((c) => String(c.value) === text)
  }
  if (!valid) {
    report({
      code: 'invalid_input',
      message:
        `"${spec.label}" expects ${describeType(spec)}, ` +
        `not ${JSON.stringify(value)}`,
      path,
    })
  }
}

function describeType(spec: FieldSpec): string {
  if (spec.type === 'choice') {
    return 'one of ' + (spec.choices ?? []).map((c) => c.value).join(', ')
  }
  if (spec.type === 'text') return 'text'
  return TYPE_NAMES[spec.type]
}

function checkConditionNode(
  node: ConditionNode,
  at: (field: string) => string,
  { template, bound }: TemplateChecks,
  report: Report,
): void {
  node.rules.forEach((rule, i) => {
    const path = at(`rules[${i}]`)
    if (!OPERATORS_BY_TYPE[rule.compareAs].includes(rule.operator)) {
      report({
        code: 'invalid_operator',
        message:
          `"${OPERATOR_LABELS[rule.operator]}" cannot compare ` +
          `${rule.compareAs} values`,
        path: `${path}.operator`,
      })
    }
    // Emptiness is checked whatever the comparison type, and a list
    // rule's operand is one item, which may be of any type.
    const side = (text: string, field: string, typed: boolean) => {
      const parsed = template(text, `${path}.${field}`)
      // A number typed by hand must be one, as in a number input.
      if (typed && rule.compareAs === 'number' && parsed?.kind === 'literal') {
        if (text.trim() === '' || !Number.isFinite(Number(text))) {
          report({
            code: 'invalid_input',
            message:
              `Rule ${i + 1} of "${node.label}" compares numbers, ` +
              `but ${JSON.stringify(text)} is not a number`,
            path: `${path}.${field}`,
          })
        }
        return
      }
      const type = bound(parsed)
      if (!typed || !type || !comparisonRefuses(rule.compareAs, type)) return
      report({
        code: 'type_mismatch',
        message:
          `Rule ${i + 1} of "${node.label}" compares as ` +
          `${TYPE_NAMES[rule.compareAs]}, but ${text} is ${TYPE_NAMES[type]}`,
        path: `${path}.${field}`,
      })
    }
    const operandsTyped = rule.compareAs === 'number'
    const unary = UNARY_OPERATORS.has(rule.operator)
    side(rule.value, 'value', !unary)
    if (unary) return
    if (rule.operand === undefined || rule.operand === '') {
      report({
        code: 'missing_operand',
        message: `Rule ${i + 1} of "${node.label}" needs a value to compare with`,
        path: `${path}.operand`,
      })
    } else {
      side(rule.operand, 'operand', operandsTyped)
    }
    if (rule.operator === 'between') {
      if (!rule.operandTo) {
        report({
          code: 'missing_operand',
          message: `Rule ${i + 1} of "${node.label}" needs an upper bound`,
          path: `${path}.operandTo`,
        })
      } else {
        side(rule.operandTo, 'operandTo', operandsTyped)
      }
    }
  })
}

function checkTemplate(
  text: string,
  path: string,
  upstream: Upstream,
  scope: BindingScope,
  report: Report,
): Template | undefined {
  let parsed: Template
  try {
    parsed = parseTemplate(text)
  } catch (error) {
    if (!(error instanceof PlaceholderSyntaxError)) throw error
    report({ code: 'invalid_placeholder', message: error.message, path })
    return undefined
  }
  for (const ref of templatePaths(parsed)) {
    if (ref.root !== 'steps') continue
    if (scope.brokenIds.has(String(ref.segments[0]))) continue
    checkStepPath(ref, path, upstream, scope.graph, report)
  }
  return parsed
}

function checkStepPath(
  ref: ValuePath,
  path: string,
  upstream: Upstream,
  graph: WorkflowGraph,
  report: Report,
): void {
  const stepId = String(ref.segments[0])
  const step = graph.nodes.get(stepId)
  if (!step) {
    report({
      code: 'unknown_step',
      message: `${ref.source} refers to a step "${stepId}" that does not exist`,
      path,
    })
    return
  }
  if (!upstream.has(stepId)) {
    report({
      code: 'not_upstream',
      message:
        `${ref.source} reads "${step.label}", which does not run ` +
        'before this step',
      path,
    })
    return
  }
  const missing = missingField(step, ref.segments.slice(1))
  if (missing) {
    report({
      code: 'unknown_field',
      message: `${ref.source}: "${step.label}" has no field "${missing}"`,
      path,
    })
  }
}

/** The first key of a step path its output description does not have. */
function missingField(
  step: WorkflowNode,
  keys: readonly (string | number)[],
): string | undefined {
  const [head, field, ...rest] = keys
  if (head === undefined) return undefined
  if (!STEP_RESULT_FIELDS.some((f) => f.name === head)) return String(head)
  if (head !== 'output' || field === undefined) return undefined
  let fields: FieldSpec[] | undefined =
    step.kind === 'app'
      ? findAction(step.app, step.action)?.outputs
      : step.kind === 'condition'
        ? CONDITION_OUTPUTS
        : undefined
  for (const key of [field, ...rest]) {
    if (!fields || typeof key === 'number') return undefined
    const spec = fields.find((f) => f.name === key)
    if (!spec) return String(key)
    fields = spec.fields
  }
  return undefined
}
