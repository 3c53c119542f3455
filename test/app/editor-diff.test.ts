import { describe, expect, it } from 'vitest'
import { diffDocuments } from '../../app/editor/diff'
import type {
  AppNode,
  ConditionNode,
  TriggerNode,
  WorkflowDocument,
} from '../../shared/workflow/schema'
import { onboarding } from './editor-support'

/** The onboarding workflow as a designer changed it after publishing. */
function changedOnboarding(): WorkflowDocument {
  const draft = onboarding()
  draft.title = 'Employee onboarding (EU)'
  const node = (id: string) => draft.nodes.find((n) => n.id === id)!
  const getUser = node('get_user') as AppNode
  getUser.label = 'Find the new hire'
  getUser.inputs.username = '{{trigger.ticket.requester.email}}'
  getUser.position = { x: 999, y: 999 }
  const exists = node('user_exists') as ConditionNode
  exists.rules[0]!.operand = '200'
  exists.rules[0]!.operandTo = '204'
  ;(node('create_user') as AppNode).inputs.usageLocation = 'DE'
  node('find_group').position = { x: 0, y: 0 }
  draft.nodes = draft.nodes.filter((n) => n.id !== 'note_existing')
  draft.edges = draft.edges.filter((e) => e.target !== 'note_existing')
  draft.nodes.push({
    id: 'welcome',
    kind: 'app',
    label: 'Send welcome note',
    app: 'service_desk',
    action: 'add_note',
    configuration: 'sandbox',
    inputs: { ticketId: '{{trigger.ticket.id}}', body: 'Welcome!' },
    onError: 'stop',
  })
  draft.edges.push({ source: 'resolve_ticket', target: 'welcome' })
  return draft
}

describe('what a draft changes against the published version', () => {
  it('names the steps and the fields that changed', () => {
    const diff = diffDocuments(onboarding(), changedOnboarding())
    expect(diff).toEqual({
      titleChanged: true,
      descriptionChanged: false,
      addedNodes: [{ id: 'welcome', label: 'Send welcome note', kind: 'app' }],
      removedNodes: [
        { id: 'note_existing', label: 'Note: account exists', kind: 'app' },
      ],
      changedNodes: [
        {
          id: 'get_user',
          label: 'Find the new hire',
          fields: ['label', 'inputs.username'],
        },
        {
          id: 'user_exists',
          label: 'User exists?',
          fields: ['rules[0].operandTo'],
        },
        {
          id: 'create_user',
          label: 'Create user',
          fields: ['inputs.usageLocation'],
        },
      ],
      addedEdges: [{ source: 'resolve_ticket', target: 'welcome' }],
      removedEdges: [
        { source: 'user_exists', target: 'note_existing', branch: 'true' },
      ],
      notesChanged: 0,
      hasChanges: true,
    })
  })

  it('counts moves only when asked', () => {
    const moved = onboarding()
    moved.nodes[1]!.position = { x: 1, y: 2 }
    expect(diffDocuments(onboarding(), moved).hasChanges).toBe(false)
    const diff = diffDocuments(onboarding(), moved, { includePositions: true })
    expect(diff.changedNodes).toEqual([
      {
        id: 'get_user',
        label: 'Get user by username',
        fields: ['position.x', 'position.y'],
      },
    ])
  })

  it('reports a pinned result and a sample as one field each', () => {
    const draft = onboarding()
    ;(draft.nodes[1] as AppNode).pinned = {
      statusCode: 200,
      message: 'OK',
      output: { id: 'a', mail: 'b' },
    }
    ;(draft.nodes[0] as TriggerNode).sample = { ticket: { id: 1 } }
    draft.notes = [{ id: 'n', text: 'hi', position: { x: 0, y: 0 } }]
    const diff = diffDocuments(onboarding(), draft)
    expect(diff.changedNodes.map((n) => [n.id, n.fields])).toEqual([
      ['trigger', ['sample']],
      ['get_user', ['pinned']],
    ])
    expect(diff.notesChanged).toBe(1)
  })

  it('finds nothing between a document and its copy', () => {
    expect(diffDocuments(onboarding(), onboarding()).hasChanges).toBe(false)
  })
})
