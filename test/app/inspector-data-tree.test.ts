import { mount, type VueWrapper } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { STEP_RESULT_FIELDS } from '../../shared/catalog'
import type { DataSource, PickedField } from '../../app/editor/types'
import DataTree from '../../app/editor/inspector/DataTree.vue'

// The C01 payload: keys with a space, a dot, brackets, a leading digit.
const trigger: DataSource = {
  id: 'trigger',
  label: 'Trigger',
  root: 'trigger',
  prefix: [],
  value: {
    ticket: {
      id: 42,
      'custom fields': { 'cost.center': 'CC-100', '61f44': 'x' },
      'deal[contact_email]': 'pat@example.org',
    },
    hires: [{ upn: 'pat@example.org' }, { upn: 'sam@example.org' }],
  },
}

const getUser: DataSource = {
  id: 'get_user',
  label: 'Get user by username',
  root: 'steps',
  prefix: ['get_user'],
  fields: STEP_RESULT_FIELDS.map((field) =>
    field.name === 'output'
      ? {
          ...field,
          fields: [
            {
              name: 'id',
              label: 'User id',
              type: 'text',
              description: 'Directory object id',
            },
          ],
        }
      : field,
  ),
}

function mountTree(props: Partial<InstanceType<typeof DataTree>['$props']>) {
  return mount(DataTree, {
    props: { sources: [trigger, getUser], ...props },
    attachTo: document.body,
  })
}

function rowNamed(wrapper: VueWrapper, name: string) {
  const row = wrapper
    .findAll('[role="treeitem"]')
    .find((item) => item.find('.data-tree__name').text() === name)
  if (!row) throw new Error(`no row "${name}"`)
  return row
}

async function toggle(wrapper: VueWrapper, name: string) {
  await rowNamed(wrapper, name).find('.data-tree__toggle').trigger('click')
}

function expandedOf(wrapper: VueWrapper, name: string) {
  return rowNamed(wrapper, name).attributes('aria-expanded')
}

function names(wrapper: VueWrapper): string[] {
  return wrapper.findAll('.data-tree__name').map((name) => name.text())
}

function picked(wrapper: VueWrapper): PickedField[] {
  return (wrapper.emitted('pick') ?? []).map(([field]) => field as PickedField)
}

describe('DataTree', () => {
  it('shows the sample keys with their values, sources opened', () => {
    const wrapper = mountTree({})

    expect(wrapper.find('[role="tree"]').exists()).toBe(true)
    expect(names(wrapper)).toContain('ticket')
    expect(expandedOf(wrapper, 'Trigger')).toBe('true')
    expect(expandedOf(wrapper, 'ticket')).toBe('false')
    expect(rowNamed(wrapper, 'hires').text()).toContain('2 items')
  })

  it('picks custom fields → cost.center in the bracket form', async () => {
    const wrapper = mountTree({})

    await toggle(wrapper, 'ticket')
    await toggle(wrapper, 'custom fields')
    const costCenter = rowNamed(wrapper, 'cost.center')
    expect(costCenter.text()).toContain('"CC-100"')
    await costCenter.trigger('click')
    await rowNamed(wrapper, '61f44').trigger('click')
    await rowNamed(wrapper, 'deal[contact_email]').trigger('click')

    expect(picked(wrapper)).toEqual([
      {
        placeholder: '{{trigger.ticket["custom fields"]["cost.center"]}}',
        type: 'text',
      },
      {
        placeholder: '{{trigger.ticket["custom fields"]["61f44"]}}',
        type: 'text',
      },
      {
        placeholder: '{{trigger.ticket["deal[contact_email]"]}}',
        type: 'text',
      },
    ])
  })

  it('shows list items by index and picks them', async () => {
    const wrapper = mountTree({})

    await toggle(wrapper, 'hires')
    expect(names(wrapper)).toEqual(expect.arrayContaining(['[0]', '[1]']))
    await toggle(wrapper, '[1]')
    await rowNamed(wrapper, 'upn').trigger('click')

    expect(picked(wrapper)[0]?.placeholder).toBe('{{trigger.hires[1].upn}}')
  })

  it('describes a step from its fields before any run', async () => {
    const wrapper = mountTree({})

    const statusCode = rowNamed(wrapper, 'statusCode')
    expect(statusCode.text()).toContain('Status code')
    expect(statusCode.text()).toContain('number')
    expect(statusCode.text()).toContain('HTTP status code')
    await statusCode.trigger('click')
    await toggle(wrapper, 'output')
    await rowNamed(wrapper, 'id').trigger('click')

    expect(picked(wrapper)).toEqual([
      { placeholder: '{{steps.get_user.statusCode}}', type: 'number' },
      { placeholder: '{{steps.get_user.output.id}}', type: 'text' },
    ])
  })

  it('moves and opens with arrow keys and picks with Enter', async () => {
    const wrapper = mountTree({ sources: [trigger] })
    const first = rowNamed(wrapper, 'Trigger')
    ;(first.element as HTMLElement).focus()

    await first.trigger('keydown', { key: 'ArrowDown' })
    expect(document.activeElement).toBe(rowNamed(wrapper, 'ticket').element)
    await rowNamed(wrapper, 'ticket').trigger('keydown', { key: 'ArrowRight' })
    expect(expandedOf(wrapper, 'ticket')).toBe('true')
    await rowNamed(wrapper, 'ticket').trigger('keydown', { key: 'ArrowRight' })
    await nextTick()
    expect(document.activeElement).toBe(rowNamed(wrapper, 'id').element)
    await rowNamed(wrapper, 'id').trigger('keydown', { key: 'ArrowDown' })
    await nextTick()
    const custom = rowNamed(wrapper, 'custom fields')
    expect(document.activeElement).toBe(custom.element)
    await custom.trigger('keydown', { key: 'ArrowRight' })
    await custom.trigger('keydown', { key: 'ArrowRight' })
    await nextTick()
    await rowNamed(wrapper, 'cost.center').trigger('keydown', { key: 'Enter' })

    expect(picked(wrapper)).toEqual([
      {
        placeholder: '{{trigger.ticket["custom fields"]["cost.center"]}}',
        type: 'text',
      },
    ])
  })

  it('goes back to the parent with ArrowLeft, then closes it', async () => {
    const wrapper = mountTree({ sources: [trigger] })
    await toggle(wrapper, 'ticket')

    await rowNamed(wrapper, 'id').trigger('keydown', { key: 'ArrowLeft' })
    await nextTick()
    expect(document.activeElement).toBe(rowNamed(wrapper, 'ticket').element)
    await rowNamed(wrapper, 'ticket').trigger('keydown', { key: 'ArrowLeft' })

    expect(names(wrapper)).not.toContain('id')
    expect(expandedOf(wrapper, 'ticket')).toBe('false')
  })

  it('keeps one row in the tab order', () => {
    const wrapper = mountTree({})

    const tabbable = wrapper
      .findAll('[role="treeitem"]')
      .filter((row) => row.attributes('tabindex') === '0')
    expect(tabbable).toHaveLength(1)
  })

  it('filters by key or label and opens the way to each match', async () => {
    const wrapper = mountTree({})

    await wrapper.find('input[type="search"]').setValue('cost')
    expect(names(wrapper)).toEqual([
      'Trigger',
      'ticket',
      'custom fields',
      'cost.center',
    ])
    await wrapper.find('input[type="search"]').setValue('system message')
    expect(names(wrapper)).toEqual(['Get user by username', 'message'])
    await wrapper.find('input[type="search"]').setValue('nothing like it')
    expect(wrapper.find('[role="status"]').text()).toContain('nothing like it')
  })

  it('dims fields of another type than the input wants', () => {
    const wrapper = mountTree({ filterType: 'number' })

    const hires = rowNamed(wrapper, 'hires')
    expect(hires.classes()).toContain('data-tree__row--dim')
    expect(hires.attributes('aria-label')).toContain('does not fit')
    expect(rowNamed(wrapper, 'statusCode').classes()).not.toContain(
      'data-tree__row--dim',
    )
  })

  it('adds to a pinned result the fields it lacks', async () => {
    const pinned: DataSource = {
      ...getUser,
      value: { statusCode: 404, message: 'Not found', output: {} },
    }
    const wrapper = mountTree({ sources: [pinned] })

    expect(rowNamed(wrapper, 'statusCode').text()).toContain('404')
    expect(names(wrapper)).toContain('status')
    await toggle(wrapper, 'output')
    await rowNamed(wrapper, 'id').trigger('click')
    const [first] = picked(wrapper)
    expect(first?.placeholder).toBe('{{steps.get_user.output.id}}')
  })

  it('dims for a condition what its comparison cannot read', () => {
    const wrapper = mountTree({ compareAs: 'list' })

    expect(rowNamed(wrapper, 'statusCode').classes()).toContain(
      'data-tree__row--dim',
    )
    expect(rowNamed(wrapper, 'hires').classes()).not.toContain(
      'data-tree__row--dim',
    )
  })

  it('says so when there is no data to pick from', () => {
    const wrapper = mountTree({ sources: [] })

    expect(wrapper.text()).toContain('No data yet')
    expect(wrapper.find('[role="tree"]').exists()).toBe(false)
  })
})
