import {
  OPERATOR_LABELS,
  UNARY_OPERATORS,
} from '../../../shared/conditions/operators'
import type {
  ConditionNode,
  ConditionRule,
} from '../../../shared/workflow/schema'

/**
 * A rule in words, values as written:
 * "{{steps.get_user.statusCode}} is between 200 and 299".
 */
export function describeRule(rule: ConditionRule): string {
  const words = [rule.value, OPERATOR_LABELS[rule.operator]]
  if (rule.operator === 'between') {
    words.push(`${rule.operand ?? ''} and ${rule.operandTo ?? ''}`)
  } else if (!UNARY_OPERATORS.has(rule.operator)) {
    words.push(rule.operand ?? '')
  }
  if (rule.ignoreCase) words.push('(ignoring case)')
  return words.join(' ')
}

/** How several rules combine, e.g. "All of these are true:". */
export function describeMatch(node: ConditionNode): string {
  if (node.rules.length < 2) return ''
  return node.match === 'any'
    ? 'Any of these is true:'
    : 'All of these are true:'
}
