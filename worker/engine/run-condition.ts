import { evaluateCondition } from '../../shared/conditions/evaluate'
import { ConditionError } from '../../shared/conditions/operators'
import {
  resolveTemplate,
  UnknownStepError,
  type ResolveContext,
} from '../../shared/placeholders/resolve'
import type { CompiledConditionStep } from './compile'
import type { StepRun } from './run-app'

/**
 * Resolves and evaluates a condition's rules. A value that cannot be
 * compared as asked fails the step with a message naming it (C07): a
 * silent false would send the job down the wrong branch.
 */
export function runConditionStep(
  step: CompiledConditionStep,
  context: ResolveContext,
): StepRun {
  const warnings: string[] = []
  const scoped = { ...context, warnings }
  const resolve = (template: CompiledConditionStep['rules'][0]['operand']) =>
    template ? resolveTemplate(template, scoped) : undefined
  try {
    const rules = step.rules.map(({ rule, value, operand, operandTo }) => ({
      value: resolveTemplate(value, scoped),
      operand: resolve(operand),
      operandTo: resolve(operandTo),
      operator: rule.operator,
      compareAs: rule.compareAs,
      ignoreCase: rule.ignoreCase,
    }))
    const outcome = evaluateCondition(rules, step.node.match)
    const output = { ...outcome }
    return {
      result: {
        status: 'success',
        statusCode: null,
        message: `The condition is ${outcome.result}`,
        output,
      },
      details: { output, ...(warnings.length ? { warnings } : {}) },
    }
  } catch (error) {
    if (
      !(error instanceof ConditionError) &&
      !(error instanceof UnknownStepError)
    ) {
      throw error
    }
    return {
      result: {
        status: 'failed',
        statusCode: null,
        message: error.message,
        output: {},
      },
      details: warnings.length ? { warnings } : {},
    }
  }
}
