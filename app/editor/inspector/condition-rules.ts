import {
  OPERATORS_BY_TYPE,
  UNARY_OPERATORS,
  type CompareAs,
  type Operator,
} from '../../../shared/conditions/operators'
import type { ConditionRule } from '../../../shared/workflow/schema'

export const COMPARE_AS_LABELS: Record<CompareAs, string> = {
  text: 'Text',
  number: 'Number',
  list: 'List',
}

export function newRule(): ConditionRule {
  return { value: '', compareAs: 'text', operator: 'equals' }
}

/**
 * The rule without what its operator and type do not use, so a saved rule
 * never carries an operand "is empty" ignores or a stale upper bound.
 */
export function tidyRule(rule: ConditionRule): ConditionRule {
  const next = { ...rule }
  const unary = UNARY_OPERATORS.has(next.operator)
  if (unary) delete next.operand
  if (next.operator !== 'between') delete next.operandTo
  if (next.compareAs !== 'text' || unary || !next.ignoreCase) {
    delete next.ignoreCase
  }
  return next
}

/** Changes the type; an operator the type does not offer becomes its first. */
export function withCompareAs(
  rule: ConditionRule,
  compareAs: CompareAs,
): ConditionRule {
  const offered = OPERATORS_BY_TYPE[compareAs]
  const [first] = offered
  const operator = offered.includes(rule.operator) ? rule.operator : first!
  return tidyRule({ ...rule, compareAs, operator })
}

export function withOperator(
  rule: ConditionRule,
  operator: Operator,
): ConditionRule {
  return tidyRule({ ...rule, operator })
}

/** Sets a text of the rule; an empty operand is left out, not ''. */
export function withText(
  rule: ConditionRule,
  key: 'value' | 'operand' | 'operandTo',
  text: string,
): ConditionRule {
  const next = { ...rule, [key]: text }
  if (key !== 'value' && text === '') delete next[key]
  return next
}
