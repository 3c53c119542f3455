import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { FieldSpec } from '../../shared/catalog'
import Outputs from '../../app/editor/inspector/OutputDescription.vue'
import TestResult from '../../app/editor/inspector/TestResult.vue'

const outputs: FieldSpec[] = [
  {
    name: 'id',
    label: 'User id',
    type: 'text',
    description: 'Directory object id',
  },
  {
    name: 'groups',
    label: 'Groups',
    type: 'list',
    description: 'Groups the user is in',
    fields: [
      {
        name: 'display name',
        label: 'Name',
        type: 'text',
        description: 'Shown name of the group',
      },
    ],
  },
]

const notFound = {
  status: 'complete_with_errors' as const,
  statusCode: 404,
  message: "User 'pat@example.org' does not exist",
  output: { error: 'Request_ResourceNotFound' },
}

describe('TestResult', () => {
  it('says the status in words, with the code, message and output', () => {
    const wrapper = mount(TestResult, { props: notFound })

    expect(wrapper.find('.badge').text()).toBe('Complete with errors')
    expect(wrapper.text()).toContain('404')
    expect(wrapper.text()).toContain("User 'pat@example.org' does not exist")
    expect(wrapper.find('pre').text()).toBe(
      JSON.stringify(notFound.output, null, 2),
    )
  })

  it('offers to pin a result, and to unpin a pinned one', async () => {
    const wrapper = mount(TestResult, { props: notFound })

    await wrapper.find('button').trigger('click')
    expect(wrapper.find('button').text()).toBe('Pin result')
    expect(wrapper.emitted('pin')).toHaveLength(1)

    await wrapper.setProps({ pinned: true })
    expect(wrapper.text()).toContain('Pinned')
    await wrapper.find('button').trigger('click')
    expect(wrapper.find('button').text()).toBe('Unpin result')
    expect(wrapper.emitted('unpin')).toHaveLength(1)
  })

  it('shows a missing status code and message as none', () => {
    const wrapper = mount(TestResult, {
      props: { status: 'failed', statusCode: null, message: '', output: null },
    })

    expect(wrapper.find('.badge').text()).toBe('Failed')
    expect(wrapper.find('dl').text()).toMatch(/Status code\s*None/)
  })
})

describe('OutputDescription', () => {
  it('lists the outputs with types, descriptions and placeholders', () => {
    const wrapper = mount(Outputs, {
      props: { outputs, stepId: 'get_user' },
    })

    const text = wrapper.text()
    expect(text).toContain('User id')
    expect(text).toContain('Directory object id')
    expect(text).toContain('{{steps.get_user.output.id}}')
    expect(text).toContain('Each item has:')
    expect(text).toContain(
      '{{steps.get_user.output.groups[0]["display name"]}}',
    )
    expect(wrapper.find('.badge').exists()).toBe(false)
  })

  it('shows the pinned result and passes its pin events on', async () => {
    const wrapper = mount(Outputs, {
      props: { outputs, result: notFound, pinned: true },
    })

    expect(wrapper.text()).toContain('Pinned result')
    expect(wrapper.find('.badge').text()).toBe('Complete with errors')
    await wrapper.find('button').trigger('click')
    expect(wrapper.emitted('unpin')).toHaveLength(1)
  })

  it('says when an action returns nothing', () => {
    const wrapper = mount(Outputs, { props: { outputs: [] } })

    expect(wrapper.text()).toContain('This action returns no fields.')
  })
})
