import { mount, type VueWrapper } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { FieldSpec } from '../../shared/catalog'
import type { DataSource } from '../../app/editor/types'
import FieldForm from '../../app/editor/inspector/FieldForm.vue'
import type {
  InputValue,
  InspectorProblem,
} from '../../app/editor/inspector/inspector.types'

const fields: FieldSpec[] = [
  {
    name: 'ticketId',
    label: 'Ticket id',
    type: 'number',
    required: true,
    description: 'Number of the ticket',
    example: '{{trigger.ticket.id}}',
  },
  {
    name: 'subject',
    label: 'Subject',
    type: 'text',
    description: 'New subject',
  },
  {
    name: 'private',
    label: 'Private',
    type: 'boolean',
    default: true,
    description: 'Visible to agents only',
  },
  {
    name: 'status',
    label: 'Status',
    type: 'choice',
    choices: [
      { value: 2, label: 'Open' },
      { value: 4, label: 'Resolved' },
    ],
    description: 'New status',
  },
  {
    name: 'groups',
    label: 'Groups',
    type: 'list',
    description: 'Group ids to add',
  },
  {
    name: 'extra',
    label: 'Extra fields',
    type: 'object',
    description: 'Sent as they are',
  },
  {
    name: 'apiKey',
    label: 'API key',
    type: 'text',
    secret: true,
    required: true,
    description: 'Key of the agent',
  },
]

const trigger: DataSource = {
  id: 'trigger',
  label: 'Trigger',
  root: 'trigger',
  prefix: [],
  value: { ticket: { id: 42 } },
}

function mountForm(
  modelValue: Record<string, InputValue> = {},
  problems: InspectorProblem[] = [],
) {
  const wrapper: VueWrapper = mount(FieldForm, {
    props: {
      fields,
      modelValue,
      sources: [trigger],
      problems,
      pathPrefix: 'nodes[3].inputs',
      'onUpdate:modelValue': (value: Record<string, InputValue>) =>
        wrapper.setProps({ modelValue: value }),
    },
    attachTo: document.body,
  })
  return wrapper
}

function fieldOf(wrapper: VueWrapper, name: string) {
  return wrapper.find(`[data-field="${name}"]`)
}

/** The control a field's label points at. */
function controlOf(wrapper: VueWrapper, name: string) {
  const id = fieldOf(wrapper, name).find('label').attributes('for')
  return wrapper.find(`[id="${id}"]`)
}

function lastModel(wrapper: VueWrapper) {
  return wrapper.emitted('update:modelValue')?.at(-1)?.[0]
}

describe('FieldForm', () => {
  it('labels every field and shows its description', () => {
    const wrapper = mountForm()

    for (const field of fields) {
      const block = fieldOf(wrapper, field.name)
      expect(block.find('label').text()).toContain(field.label)
      expect(block.text()).toContain(field.description)
      const control = controlOf(wrapper, field.name)
      expect(control.exists()).toBe(true)
      const described = control.attributes('aria-describedby')!.split(' ')
      expect(wrapper.find(`[id="${described[0]}"]`).text()).toContain(
        field.description,
      )
    }
  })

  it('marks required fields, for the eye and for screen readers', () => {
    const wrapper = mountForm()

    expect(fieldOf(wrapper, 'ticketId').find('label').text()).toContain('*')
    expect(controlOf(wrapper, 'ticketId').attributes('aria-required')).toBe(
      'true',
    )
    expect(fieldOf(wrapper, 'subject').find('label').text()).not.toContain('*')
    expect(controlOf(wrapper, 'subject').attributes('aria-required')).toBe(
      undefined,
    )
  })

  it('renders each type with its own control', () => {
    const wrapper = mountForm({ groups: '["g1"]' })

    expect(controlOf(wrapper, 'ticketId').attributes('placeholder')).toBe(
      '{{trigger.ticket.id}}',
    )
    expect(controlOf(wrapper, 'subject').element.tagName).toBe('INPUT')
    expect(controlOf(wrapper, 'private').attributes('type')).toBe('checkbox')
    const options = controlOf(wrapper, 'status').findAll('option')
    expect(options.map((option) => option.text())).toEqual([
      'Not set',
      'Open',
      'Resolved',
    ])
    expect(controlOf(wrapper, 'groups').element.tagName).toBe('TEXTAREA')
    expect(controlOf(wrapper, 'extra').element.tagName).toBe('TEXTAREA')
    expect(controlOf(wrapper, 'apiKey').attributes('type')).toBe('password')
    expect(fieldOf(wrapper, 'subject').text()).toContain('Insert data')
  })

  it('shows a default and uses it until the user sets a value', async () => {
    const wrapper = mountForm()

    expect(fieldOf(wrapper, 'private').text()).toContain('(Default: Yes)')
    const box = controlOf(wrapper, 'private')
    expect((box.element as HTMLInputElement).checked).toBe(true)
    await box.setValue(false)
    expect(lastModel(wrapper)).toEqual({ private: false })
  })

  it('emits a typed number as a number, a placeholder as text', async () => {
    const wrapper = mountForm()
    const input = controlOf(wrapper, 'ticketId')

    await input.setValue('42')
    expect(lastModel(wrapper)).toEqual({ ticketId: 42 })
    await input.setValue('1.')
    expect(lastModel(wrapper)).toEqual({ ticketId: 1 })
    expect((input.element as HTMLInputElement).value).toBe('1.')
    await input.setValue('{{trigger.ticket.id}}')
    expect(lastModel(wrapper)).toEqual({ ticketId: '{{trigger.ticket.id}}' })
  })

  it('drops an emptied optional field instead of sending ""', async () => {
    const wrapper = mountForm({ ticketId: 7, subject: 'Laptop' })

    await controlOf(wrapper, 'subject').setValue('')

    expect(lastModel(wrapper)).toEqual({ ticketId: 7 })
    expect(lastModel(wrapper)).not.toHaveProperty('subject')
  })

  it('emits the choice value, not its label, and clears it', async () => {
    const wrapper = mountForm()
    const select = controlOf(wrapper, 'status')

    await select.setValue('1')
    expect(lastModel(wrapper)).toEqual({ status: 4 })
    await select.setValue('')
    expect(lastModel(wrapper)).toEqual({})
    await wrapper.setProps({ modelValue: { status: 4 } })
    const selected = select.element as HTMLSelectElement
    expect(selected.selectedOptions[0]?.text).toBe('Resolved')
  })

  it('binds a boolean to data instead of a fixed value', async () => {
    const wrapper = mountForm({ private: true })

    const toggle = fieldOf(wrapper, 'private').find('button[aria-pressed]')
    await toggle.trigger('click')
    expect(toggle.attributes('aria-pressed')).toBe('true')
    expect(lastModel(wrapper)).toEqual({})
    await controlOf(wrapper, 'private').setValue('{{trigger.vip}}')
    expect(lastModel(wrapper)).toEqual({ private: '{{trigger.vip}}' })
  })

  it('opens a bound choice in its data mode', () => {
    const wrapper = mountForm({ status: '{{trigger.ticket.status}}' })

    const control = controlOf(wrapper, 'status')
    expect(control.element.tagName).toBe('INPUT')
    expect((control.element as HTMLInputElement).value).toBe(
      '{{trigger.ticket.status}}',
    )
  })

  it('says when JSON would not parse, placeholders allowed', async () => {
    const wrapper = mountForm()
    const groups = controlOf(wrapper, 'groups')

    await groups.setValue('["g1", {{steps.find.output.id}}]')
    expect(fieldOf(wrapper, 'groups').text()).not.toContain('Not valid JSON')
    await groups.setValue('["g1", ')
    expect(fieldOf(wrapper, 'groups').text()).toContain('Not valid JSON')
  })

  it('shows each problem on its own field', () => {
    const wrapper = mountForm({}, [
      { path: 'nodes[3].inputs.ticketId', message: 'needs a ticket id' },
      { path: 'nodes[3].inputs.subject', message: 'cannot read {{x}}' },
      { path: 'nodes[3].inputs.old', message: 'has no input "old"' },
      { path: 'nodes[3].label', message: 'needs a label' },
    ])

    const ticket = controlOf(wrapper, 'ticketId')
    expect(ticket.attributes('aria-invalid')).toBe('true')
    const ids = ticket.attributes('aria-describedby')!.split(' ')
    expect(ids.map((id) => wrapper.find(`[id="${id}"]`).text())).toContain(
      'needs a ticket id',
    )
    expect(fieldOf(wrapper, 'ticketId').text()).not.toContain('cannot read')
    expect(fieldOf(wrapper, 'subject').text()).toContain('cannot read {{x}}')
    expect(controlOf(wrapper, 'status').attributes('aria-invalid')).toBe(
      undefined,
    )
    // An input the action lacks shows above the fields; the node's label
    // is not this form's to show.
    expect(wrapper.text()).toContain('has no input "old"')
    expect(wrapper.text()).not.toContain('needs a label')
  })
})
