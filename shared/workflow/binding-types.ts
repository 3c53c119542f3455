import {
  findAction,
  STEP_RESULT_FIELDS,
  type FieldSpec,
  type FieldType,
} from '../catalog'
import type { CompareAs } from '../conditions/operators'
import type { Template } from '../placeholders/parse'
import type { Upstream, WorkflowGraph } from './graph'
import { CONDITION_OUTPUTS } from './step-outputs'

/**
 * Which field types an input of each type refuses when it is bound to
 * exactly one placeholder. Numeric text converts at run time, so a number
 * input takes text; text takes anything (objects and lists as JSON). A
 * choice field's values are text or numbers, so it counts as text here.
 */
const REFUSED: Record<FieldType, readonly FieldType[]> = {
  text: [],
  number: ['boolean', 'list', 'object'],
  boolean: ['number', 'list', 'object'],
  choice: ['list', 'object'],
  list: ['text', 'choice', 'number', 'boolean'],
  object: ['text', 'choice', 'number', 'boolean'],
}

/** What a condition compared `as` cannot read, for its value side. */
const REFUSED_BY_COMPARISON: Record<CompareAs, readonly FieldType[]> = {
  text: [],
  number: ['list', 'object'],
  list: ['number', 'boolean'],
}

/** How a value of each type is named in a message: "… is a list". */
export const TYPE_NAMES: Record<FieldType, string> = {
  text: 'text',
  number: 'a number',
  boolean: 'true or false',
  choice: 'a choice',
  list: 'a list',
  object: 'an object',
}

export function inputRefuses(input: FieldType, bound: FieldType): boolean {
  return REFUSED[input].includes(bound)
}

export function comparisonRefuses(as: CompareAs, bound: FieldType): boolean {
  return REFUSED_BY_COMPARISON[as].includes(bound)
}

/**
 * The declared type of the step field a template reads, when the
 * template is exactly one `{{steps.…}}` placeholder, the step runs before
 * the reader and the field is in its description. Anything less certain
 * gives undefined: a binding is never refused on a guessed type.
 */
export function boundStepType(
  template: Template | undefined,
  upstream: Upstream,
  graph: WorkflowGraph,
): FieldType | undefined {
  if (template?.kind !== 'single' || template.path.root !== 'steps') {
    return undefined
  }
  const [stepId, head, ...rest] = template.path.segments
  const step = graph.nodes.get(String(stepId))
  if (!step || !upstream.has(step.id)) return undefined
  const result = STEP_RESULT_FIELDS.find((field) => field.name === head)
  if (!result) return undefined
  if (rest.length === 0) return result.type
  if (head !== 'output') return undefined
  const outputs =
    step.kind === 'app'
      ? findAction(step.app, step.action)?.outputs
      : step.kind === 'condition'
        ? CONDITION_OUTPUTS
        : undefined
  return walkFields(outputs, rest)
}

function walkFields(
  outputs: FieldSpec[] | undefined,
  keys: readonly (string | number)[],
): FieldType | undefined {
  let fields = outputs
  let type: FieldType | undefined
  for (const key of keys) {
    // An item of a list has no declared type of its own.
    if (!fields || typeof key === 'number') return undefined
    const spec = fields.find((field) => field.name === key)
    if (!spec) return undefined
    type = spec.type
    fields = spec.type === 'object' ? spec.fields : undefined
  }
  return type
}
