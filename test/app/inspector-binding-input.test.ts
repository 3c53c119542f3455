import { mount, type VueWrapper } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import type { DataSource } from '../../app/editor/types'
import BindingInput from '../../app/editor/inspector/BindingInput.vue'

const trigger: DataSource = {
  id: 'trigger',
  label: 'Trigger',
  root: 'trigger',
  prefix: [],
  value: { name: 'Pat', ticket: { 'custom fields': { 'cost.center': 'C' } } },
}

/** Mounts the input the way v-model would drive it. */
function mountInput(modelValue: string, props: Record<string, unknown> = {}) {
  const wrapper: VueWrapper = mount(BindingInput, {
    props: {
      modelValue,
      sources: [trigger],
      label: 'Note',
      id: 'note',
      'onUpdate:modelValue': (value: string) =>
        wrapper.setProps({ modelValue: value }),
      ...props,
    },
    attachTo: document.body,
  })
  return wrapper
}

function field(wrapper: VueWrapper) {
  return wrapper.find<HTMLInputElement>('#note').element
}

/** The caret where a user would have put it before leaving the field. */
function placeCaret(wrapper: VueWrapper, start: number, end = start) {
  const element = field(wrapper)
  element.focus()
  element.setSelectionRange(start, end)
  element.blur()
}

async function pickRow(wrapper: VueWrapper, name: string) {
  const row = wrapper
    .findAll('[role="treeitem"]')
    .find((item) => item.find('.data-tree__name').text() === name)
  await row!.trigger('click')
  await nextTick()
}

describe('BindingInput', () => {
  it('inserts the picked placeholder at the caret', async () => {
    const wrapper = mountInput('Hello , welcome')
    placeCaret(wrapper, 6)

    await wrapper
      .find('button[aria-label="Insert data into Note"]')
      .trigger('click')
    await pickRow(wrapper, 'name')

    expect(wrapper.emitted('update:modelValue')).toEqual([
      ['Hello {{trigger.name}}, welcome'],
    ])
    expect(field(wrapper).value).toBe('Hello {{trigger.name}}, welcome')
    expect(document.activeElement).toBe(field(wrapper))
    expect(field(wrapper).selectionStart).toBe(22)
    expect(wrapper.find('[role="dialog"]').exists()).toBe(false)
  })

  it('replaces the selected text', async () => {
    const wrapper = mountInput('Cost center: TBD!')
    placeCaret(wrapper, 13, 17)

    await wrapper.find('button').trigger('click')
    await wrapper.find('input[type="search"]').setValue('cost')
    await pickRow(wrapper, 'cost.center')

    expect(field(wrapper).value).toBe(
      'Cost center: {{trigger.ticket["custom fields"]["cost.center"]}}',
    )
  })

  it('appends when the field never had the caret', async () => {
    const wrapper = mountInput('Dear ')

    await wrapper.find('button').trigger('click')
    await pickRow(wrapper, 'name')

    expect(field(wrapper).value).toBe('Dear {{trigger.name}}')
  })

  it('opens with Alt+Down on the search and closes with Escape', async () => {
    const wrapper = mountInput('x')
    field(wrapper).focus()

    await wrapper.find('#note').trigger('keydown', {
      key: 'ArrowDown',
      altKey: true,
    })
    await nextTick()
    const dialog = wrapper.find('[role="dialog"]')
    expect(dialog.attributes('aria-label')).toBe('Insert data into Note')
    expect(document.activeElement).toBe(
      wrapper.find('input[type="search"]').element,
    )
    expect(wrapper.find('button').attributes('aria-expanded')).toBe('true')

    await wrapper.find('input[type="search"]').trigger('keydown', {
      key: 'Escape',
    })
    await nextTick()
    expect(wrapper.find('[role="dialog"]').exists()).toBe(false)
    expect(document.activeElement).toBe(field(wrapper))
  })

  it('sets each placeholder apart from the text around it', () => {
    const wrapper = mountInput('Hi {{trigger.name}}!')

    const chips = wrapper.findAll('.binding__chip').map((chip) => chip.text())
    expect(chips).toEqual(['{{trigger.name}}'])
    expect(mountInput('plain').find('.binding__chip').exists()).toBe(false)
  })

  it('passes the label and state attributes to the text field', () => {
    const wrapper = mountInput('', {
      'aria-invalid': 'true',
      placeholder: '{{trigger.ticket.id}}',
    })

    expect(wrapper.find('#note').attributes()).toMatchObject({
      'aria-invalid': 'true',
      placeholder: '{{trigger.ticket.id}}',
    })
  })

  it('keeps a secret out of sight and offers no data for it', () => {
    const wrapper = mountInput('s3cret {{trigger.name}}', { secret: true })

    expect(wrapper.find('#note').attributes('type')).toBe('password')
    expect(wrapper.find('button').exists()).toBe(false)
    expect(wrapper.text()).not.toContain('trigger.name')
  })

  it('uses a textarea for long text', () => {
    const wrapper = mountInput('line one', { multiline: true })

    expect(wrapper.find('textarea#note').exists()).toBe(true)
  })
})
