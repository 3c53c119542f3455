import { describe, expect, it } from 'vitest'
import { dataSourcesFor } from '../../app/editor/data-sources'
import { findAction, STEP_RESULT_FIELDS } from '../../shared/catalog'
import onboardingRequest from '../../shared/templates/onboarding-request.json'
import type { AppNode } from '../../shared/workflow/schema'
import { CONDITION_OUTPUTS } from '../../shared/workflow/step-outputs'
import { onboarding } from './editor-support'

const labels = (nodeId: string, document = onboarding()) =>
  dataSourcesFor(document, nodeId).map((source) => source.label)

describe('the data a step can read', () => {
  it('offers the trigger and the steps before it, in run order', () => {
    expect(labels('add_to_group')).toEqual([
      'Onboarding request',
      'Get user by username',
      'User exists?',
      'Create user',
      'Look up department group',
    ])
  })

  it('leaves out the other branch and later steps', () => {
    expect(labels('note_existing')).toEqual([
      'Onboarding request',
      'Get user by username',
      'User exists?',
    ])
    expect(labels('get_user')).toEqual(['Onboarding request'])
    expect(labels('trigger')).toEqual(['Onboarding request'])
  })

  it('gives the trigger its sample, as placeholders read it', () => {
    const [trigger] = dataSourcesFor(onboarding(), 'get_user')
    expect(trigger).toEqual({
      id: 'trigger',
      label: 'Onboarding request',
      root: 'trigger',
      prefix: [],
      value: onboardingRequest,
    })
  })

  it('describes a step result by its action’s outputs', () => {
    const sources = dataSourcesFor(onboarding(), 'add_to_group')
    const getUser = sources.find((source) => source.id === 'get_user')!
    expect(getUser).toMatchObject({ root: 'steps', prefix: ['get_user'] })
    expect(getUser.value).toBeUndefined()
    expect(getUser.fields?.map((field) => field.name)).toEqual(
      STEP_RESULT_FIELDS.map((field) => field.name),
    )
    const output = getUser.fields?.find((field) => field.name === 'output')
    expect(output?.fields).toEqual(findAction('azure_ad', 'get_user')?.outputs)

    const condition = sources.find((source) => source.id === 'user_exists')!
    const result = condition.fields?.find((field) => field.name === 'output')
    expect(result?.fields).toEqual(CONDITION_OUTPUTS)
  })

  it('shows a pinned test result as the value', () => {
    const document = onboarding()
    const pinned = {
      statusCode: 200,
      message: 'Found',
      output: { id: 'u-1', displayName: 'Jane Doe' },
    }
    ;(document.nodes[1] as AppNode).pinned = pinned
    const getUser = dataSourcesFor(document, 'user_exists')[1]
    expect(getUser?.value).toEqual(pinned)
  })
})
