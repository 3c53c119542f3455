import { describe, expect, it } from 'vitest'
import {
  evaluateCondition,
  evaluateRule,
  type ResolvedRule,
} from '../../shared/conditions/evaluate'
import { ConditionError, isEmpty } from '../../shared/conditions/operators'

const rule = (partial: Partial<ResolvedRule>): ResolvedRule => ({
  value: undefined,
  operator: 'equals',
  compareAs: 'text',
  ...partial,
})

describe('numbers that arrive as text (C07)', () => {
  it('compares "10" > 9 as numbers', () => {
    const r = rule({
      value: '10',
      operator: 'greater_than',
      compareAs: 'number',
      operand: '9',
    })
    expect(evaluateRule(r)).toBe(true)
  })

  it('finds 204 and "204" between 200 and 299', () => {
    for (const value of [204, '204']) {
      const r = rule({
        value,
        operator: 'between',
        compareAs: 'number',
        operand: '200',
        operandTo: '299',
      })
      expect(evaluateRule(r)).toBe(true)
    }
  })

  it('fails on "N/A" instead of evaluating to false, naming it', () => {
    const r = rule({
      value: 'N/A',
      operator: 'greater_than',
      compareAs: 'number',
      operand: '9',
    })
    expect(() => evaluateRule(r)).toThrow(
      new ConditionError('The value is not a number: "N/A"'),
    )
  })

  it('fails on a missing value compared as a number', () => {
    const r = rule({ operator: 'less_than', compareAs: 'number', operand: 1 })
    expect(() => evaluateRule(r)).toThrow('The value is not a number: nothing')
  })

  it('compares text as text: "10" equals "10" but not "10.0"', () => {
    expect(evaluateRule(rule({ value: '10', operand: '10' }))).toBe(true)
    expect(evaluateRule(rule({ value: '10', operand: '10.0' }))).toBe(false)
  })
})

describe('is empty and is not empty (C09)', () => {
  const rows: [string, unknown, boolean][] = [
    ['missing', undefined, true],
    ['null', null, true],
    ['empty text', '', true],
    ['blank text', '   ', true],
    ['empty list', [], true],
    ['empty object', {}, true],
    ['zero', 0, false],
    ['false', false, false],
    ['"0"', '0', false],
  ]

  it.each(rows)('%s: is empty is %s', (_, value, empty) => {
    expect(isEmpty(value)).toBe(empty)
    for (const compareAs of ['text', 'number', 'list'] as const) {
      const asked = (operator: 'is_empty' | 'is_not_empty') =>
        evaluateRule(rule({ value, operator, compareAs }))
      expect(asked('is_empty')).toBe(empty)
      expect(asked('is_not_empty')).toBe(!empty)
    }
  })
})

describe('a list as the value of a text condition (C10)', () => {
  const contains = (users: unknown) =>
    evaluateRule(rule({ value: users, operator: 'contains', operand: '6535' }))
  const listEmpty = (users: unknown) =>
    evaluateRule(
      rule({ value: users, operator: 'is_empty', compareAs: 'list' }),
    )
  const found = [{ id: 'u1', mail: 'pat@example.org' }]

  it('handles an empty list without failing', () => {
    expect(contains([])).toBe(false)
    expect(listEmpty([])).toBe(true)
  })

  it('handles a list of objects', () => {
    expect(contains(found)).toBe(false)
    expect(listEmpty(found)).toBe(false)
  })

  it('finds an item in a list compared as a list', () => {
    const r = rule({
      value: ['IT', 'HR'],
      operator: 'contains',
      compareAs: 'list',
      operand: 'HR',
    })
    expect(evaluateRule(r)).toBe(true)
  })
})

describe('joining rules', () => {
  const yes = rule({ value: 'a', operand: 'a' })
  const no = rule({ value: 'a', operand: 'b' })

  it('needs every rule for all and one for any, reporting each', () => {
    expect(evaluateCondition([yes, no], 'all').result).toBe(false)
    const any = evaluateCondition([yes, no], 'any')
    expect(any.result).toBe(true)
    expect(any.rules.map((r) => r.result)).toEqual([true, false])
  })

  it('compares text ignoring case when asked', () => {
    const r = rule({
      value: 'User Does Not Exist',
      operator: 'contains',
      operand: 'does not exist',
      ignoreCase: true,
    })
    expect(evaluateRule(r)).toBe(true)
    expect(evaluateRule({ ...r, ignoreCase: false })).toBe(false)
  })
})
