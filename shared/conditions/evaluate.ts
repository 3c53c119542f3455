import { toText } from '../placeholders/resolve'
import {
  ConditionError,
  isEmpty,
  itemMatches,
  toList,
  toNumber,
  type CompareAs,
  type Operator,
} from './operators'

/** One rule with its values already resolved. */
export interface ResolvedRule {
  value: unknown
  operator: Operator
  compareAs: CompareAs
  operand?: unknown
  /** Upper bound of `between`. */
  operandTo?: unknown
  ignoreCase?: boolean
}

export interface RuleOutcome {
  value: unknown
  operator: Operator
  operand?: unknown
  operandTo?: unknown
  result: boolean
}

export interface ConditionOutcome {
  result: boolean
  match: 'all' | 'any'
  rules: RuleOutcome[]
}

/**
 * Evaluates every rule (so the log shows each outcome), then joins them.
 * Throws ConditionError when a value cannot be compared as asked.
 */
export function evaluateCondition(
  rules: readonly ResolvedRule[],
  match: 'all' | 'any',
): ConditionOutcome {
  const outcomes = rules.map((rule) => ({
    value: rule.value,
    operator: rule.operator,
    operand: rule.operand,
    operandTo: rule.operandTo,
    result: evaluateRule(rule),
  }))
  const result =
    match === 'all'
      ? outcomes.every((rule) => rule.result)
      : outcomes.some((rule) => rule.result)
  return { result, match, rules: outcomes }
}

export function evaluateRule(rule: ResolvedRule): boolean {
  const { operator } = rule
  if (operator === 'is_empty') return isEmpty(rule.value)
  if (operator === 'is_not_empty') return !isEmpty(rule.value)
  switch (rule.compareAs) {
    case 'number':
      return compareNumbers(rule)
    case 'list':
      return compareList(rule)
    case 'text':
      return compareText(rule)
  }
}

function compareNumbers(rule: ResolvedRule): boolean {
  const value = toNumber(rule.value, 'value')
  const operand = toNumber(rule.operand, 'operand')
  switch (rule.operator) {
    case 'equals':
      return value === operand
    case 'not_equals':
      return value !== operand
    case 'greater_than':
      return value > operand
    case 'greater_or_equal':
      return value >= operand
    case 'less_than':
      return value < operand
    case 'less_or_equal':
      return value <= operand
    case 'between': {
      const upper = toNumber(rule.operandTo, 'upper bound')
      return value >= operand && value <= upper
    }
    default:
      throw unsupported(rule)
  }
}

function compareText(rule: ResolvedRule): boolean {
  const fold = (text: string) => (rule.ignoreCase ? text.toLowerCase() : text)
  const value = fold(toText(rule.value))
  const operand = fold(toText(rule.operand))
  switch (rule.operator) {
    case 'equals':
      return value === operand
    case 'not_equals':
      return value !== operand
    case 'contains':
      return value.includes(operand)
    case 'not_contains':
      return !value.includes(operand)
    default:
      throw unsupported(rule)
  }
}

function compareList(rule: ResolvedRule): boolean {
  const found = toList(rule.value).some((item) =>
    itemMatches(item, rule.operand),
  )
  switch (rule.operator) {
    case 'contains':
      return found
    case 'not_contains':
      return !found
    default:
      throw unsupported(rule)
  }
}

function unsupported(rule: ResolvedRule): ConditionError {
  return new ConditionError(
    `"${rule.operator}" cannot compare ${rule.compareAs} values`,
  )
}
