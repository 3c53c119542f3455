import { mount, type VueWrapper } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import {
  OPERATOR_LABELS,
  OPERATORS_BY_TYPE,
} from '../../shared/conditions/operators'
import type { ConditionRule } from '../../shared/workflow/schema'
import type { DataSource } from '../../app/editor/types'
import ConditionBuilder from '../../app/editor/inspector/ConditionBuilder.vue'
import type {
  ConditionModel,
  InspectorProblem,
} from '../../app/editor/inspector/inspector.types'

const getUser: DataSource = {
  id: 'get_user',
  label: 'Get user',
  root: 'steps',
  prefix: ['get_user'],
  value: { statusCode: 404, message: 'Not found', output: {} },
}

function mountBuilder(
  rules: ConditionRule[],
  problems: InspectorProblem[] = [],
) {
  const wrapper: VueWrapper = mount(ConditionBuilder, {
    props: {
      modelValue: { match: 'all', rules },
      sources: [getUser],
      problems,
      pathPrefix: 'nodes[2]',
      'onUpdate:modelValue': (value: ConditionModel) =>
        wrapper.setProps({ modelValue: value }),
    },
    attachTo: document.body,
  })
  return wrapper
}

function rule(wrapper: VueWrapper, index: number) {
  return wrapper.find(`[data-rule="${index}"]`)
}

/** The control labelled `label` inside rule `index`. */
function control(wrapper: VueWrapper, index: number, label: string) {
  const target = rule(wrapper, index)
    .findAll('label')
    .find((element) => element.text() === label)
  if (!target) throw new Error(`rule ${index} has no "${label}"`)
  return wrapper.find(`[id="${target.attributes('for')}"]`)
}

function labels(wrapper: VueWrapper, index: number): string[] {
  return rule(wrapper, index)
    .findAll('label')
    .map((label) => label.text())
}

function checkbox(wrapper: VueWrapper, index: number) {
  return rule(wrapper, index).find('input[type="checkbox"]')
}

function invalid(wrapper: VueWrapper, index: number, label: string) {
  return control(wrapper, index, label).attributes('aria-invalid')
}

function lastModel(wrapper: VueWrapper): ConditionModel {
  return wrapper.emitted('update:modelValue')!.at(-1)![0] as ConditionModel
}

const statusRule: ConditionRule = {
  value: '{{steps.get_user.statusCode}}',
  compareAs: 'number',
  operator: 'greater_than',
  operand: '199',
}

describe('ConditionBuilder', () => {
  it('offers only the number operators when comparing numbers', () => {
    const wrapper = mountBuilder([statusRule])

    const operators = control(wrapper, 0, 'Operator').findAll('option')
    expect(operators.map((option) => option.text())).toEqual(
      OPERATORS_BY_TYPE.number.map((operator) => OPERATOR_LABELS[operator]),
    )
    expect(operators.map((option) => option.text())).not.toContain('contains')
  })

  it('resets an operator the new type does not offer', async () => {
    const wrapper = mountBuilder([statusRule])

    await control(wrapper, 0, 'Compare as').setValue('list')

    expect(lastModel(wrapper).rules).toEqual([
      {
        value: '{{steps.get_user.statusCode}}',
        compareAs: 'list',
        operator: 'contains',
        operand: '199',
      },
    ])
    expect(labels(wrapper, 0)).not.toContain('Ignore case')
  })

  it('keeps an operator the new type also offers', async () => {
    const wrapper = mountBuilder([
      { value: 'x', compareAs: 'text', operator: 'is_empty' },
    ])

    await control(wrapper, 0, 'Compare as').setValue('number')

    expect(lastModel(wrapper).rules[0]).toEqual({
      value: 'x',
      compareAs: 'number',
      operator: 'is_empty',
    })
  })

  it('hides the operand for "is empty" and leaves it out', async () => {
    const wrapper = mountBuilder([statusRule])
    expect(labels(wrapper, 0)).toContain('Compare with')

    await control(wrapper, 0, 'Operator').setValue('is_empty')

    expect(labels(wrapper, 0)).not.toContain('Compare with')
    expect(lastModel(wrapper).rules[0]).toEqual({
      value: '{{steps.get_user.statusCode}}',
      compareAs: 'number',
      operator: 'is_empty',
    })
  })

  it('asks for an upper bound for "between"', async () => {
    const wrapper = mountBuilder([statusRule])
    expect(labels(wrapper, 0)).not.toContain('To')

    await control(wrapper, 0, 'Operator').setValue('between')
    expect(labels(wrapper, 0)).toEqual(expect.arrayContaining(['From', 'To']))
    await control(wrapper, 0, 'From').setValue('200')
    await control(wrapper, 0, 'To').setValue('299')

    expect(lastModel(wrapper).rules[0]).toEqual({
      value: '{{steps.get_user.statusCode}}',
      compareAs: 'number',
      operator: 'between',
      operand: '200',
      operandTo: '299',
    })
    await control(wrapper, 0, 'Operator').setValue('less_than')
    expect(lastModel(wrapper).rules[0]).not.toHaveProperty('operandTo')
  })

  it('offers "ignore case" for text only', async () => {
    const wrapper = mountBuilder([
      {
        value: '{{steps.get_user.message}}',
        compareAs: 'text',
        operator: 'equals',
        operand: 'ok',
      },
    ])

    const box = checkbox(wrapper, 0)
    await box.setValue(true)
    expect(lastModel(wrapper).rules[0]).toMatchObject({ ignoreCase: true })
    await box.setValue(false)
    expect(lastModel(wrapper).rules[0]).not.toHaveProperty('ignoreCase')
    await control(wrapper, 0, 'Compare as').setValue('number')
    expect(checkbox(wrapper, 0).exists()).toBe(false)
  })

  it('binds the value from the data tree', async () => {
    const wrapper = mountBuilder([
      { value: '', compareAs: 'number', operator: 'equals', operand: '200' },
    ])

    await rule(wrapper, 0)
      .find('button[aria-label="Insert data into the value of rule 1"]')
      .trigger('click')
    const row = wrapper
      .findAll('[role="treeitem"]')
      .find((item) => item.find('.data-tree__name').text() === 'statusCode')
    await row!.trigger('click')

    expect(lastModel(wrapper).rules[0]?.value).toBe(
      '{{steps.get_user.statusCode}}',
    )
  })

  it('adds and removes rules, and joins them by all or any', async () => {
    const wrapper = mountBuilder([statusRule])
    const remove = () =>
      rule(wrapper, 0).find('button[aria-label="Remove rule 1"]')
    expect(remove().attributes('disabled')).toBeDefined()

    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Add rule')!
      .trigger('click')
    expect(lastModel(wrapper).rules).toEqual([
      statusRule,
      { value: '', compareAs: 'text', operator: 'equals' },
    ])
    expect(document.activeElement).toBe(control(wrapper, 1, 'Value').element)

    await wrapper.find('input[type="radio"][value="any"]').setValue(true)
    expect(lastModel(wrapper).match).toBe('any')

    await remove().trigger('click')
    expect(lastModel(wrapper)).toEqual({
      match: 'any',
      rules: [{ value: '', compareAs: 'text', operator: 'equals' }],
    })
  })

  it('shows each problem on its rule and control', () => {
    const wrapper = mountBuilder(
      [statusRule, { value: 'x', compareAs: 'text', operator: 'equals' }],
      [
        {
          path: 'nodes[2].rules[1].operand',
          message: 'Rule 2 needs a value to compare with',
        },
        { path: 'nodes[2].rules', message: 'needs at least one rule' },
      ],
    )

    const operand = control(wrapper, 1, 'Compare with')
    expect(operand.attributes('aria-invalid')).toBe('true')
    const described = operand.attributes('aria-describedby')!
    expect(wrapper.find(`[id="${described}"]`).text()).toBe(
      'Rule 2 needs a value to compare with',
    )
    expect(rule(wrapper, 0).text()).not.toContain('needs a value')
    expect(invalid(wrapper, 0, 'Compare with')).toBe(undefined)
    expect(wrapper.text()).toContain('needs at least one rule')
  })
})
