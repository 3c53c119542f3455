import { describe, expect, it } from 'vitest'
import { employeeOnboarding } from '../../shared/templates/employee-onboarding'
import type { Problem } from '../../shared/workflow/problems'
import type { WorkflowDocumentInput } from '../../shared/workflow/schema'
import { validateWorkflow } from '../../shared/workflow/validate'

const clone = (): WorkflowDocumentInput => structuredClone(employeeOnboarding)

function problemsOf(document: unknown, options = {}): Problem[] {
  const result = validateWorkflow(document, options)
  return result.ok ? [] : result.problems
}

function node(document: WorkflowDocumentInput, id: string) {
  return document.nodes.find((n) => n.id === id)! as Record<string, unknown>
}

describe('validating a workflow document', () => {
  it('accepts the onboarding workflow', () => {
    const result = validateWorkflow(employeeOnboarding, {
      configurations: new Map([
        ['azure_ad', new Set(['sandbox'])],
        ['service_desk', new Set(['sandbox'])],
      ]),
    })
    expect(result.problems).toEqual([])
    expect(result.ok).toBe(true)
  })

  it('lists every problem at once, each on its node', () => {
    const doc = clone()
    node(doc, 'get_user').app = 'okta_classic'
    node(doc, 'create_user').action = 'clone_user'
    ;(node(doc, 'find_group').inputs as Record<string, unknown>).displayName =
      ''
    node(doc, 'note_existing').inputs = {
      ticketId: '{{trigger.ticket.id}}',
      body: '{{steps.does_not_exist.output.id}}',
    }
    doc.edges.push({ source: 'resolve_ticket', target: 'ghost' })
    doc.edges.push({ source: 'resolve_ticket', target: 'create_user' })

    const problems = problemsOf(doc)
    const codes = problems.map((p) => [p.code, p.nodeId ?? p.path])
    expect(codes).toEqual(
      expect.arrayContaining([
        ['unknown_app', 'get_user'],
        ['unknown_action', 'create_user'],
        ['missing_input', 'find_group'],
        ['unknown_step', 'note_existing'],
        ['dangling_edge', 'edges[7].target'],
        ['cycle', 'create_user'],
      ]),
    )
    const unknownStep = problems.find((p) => p.code === 'unknown_step')!
    expect(unknownStep.message).toBe(
      '{{steps.does_not_exist.output.id}} refers to a step "does_not_exist" ' +
        'that does not exist',
    )
    expect(unknownStep.path).toBe('nodes[3].inputs.body')
  })

  it('refuses a binding to a step that runs later or on another branch', () => {
    const doc = clone()
    ;(node(doc, 'create_user').inputs as Record<string, unknown>).jobTitle =
      '{{steps.note_existing.output.id}}'
    const problems = problemsOf(doc)
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'not_upstream',
        nodeId: 'create_user',
        message:
          '{{steps.note_existing.output.id}} reads "Note: account exists", ' +
          'which does not run before this step',
      }),
    ])
  })

  it('refuses a field the upstream action never returns', () => {
    const doc = clone()
    ;(node(doc, 'add_to_group').inputs as Record<string, unknown>).userId =
      '{{steps.create_user.output.objectGuid}}'
    expect(problemsOf(doc)).toEqual([
      expect.objectContaining({
        code: 'unknown_field',
        message:
          '{{steps.create_user.output.objectGuid}}: "Create user" has no ' +
          'field "objectGuid"',
      }),
    ])
  })

  it('refuses literal values of the wrong type', () => {
    const doc = clone()
    ;(node(doc, 'resolve_ticket').inputs as Record<string, unknown>).status = 9
    expect(problemsOf(doc)).toEqual([
      expect.objectContaining({
        code: 'invalid_input',
        message: '"Status" expects one of 2, 3, 4, 5, not 9',
      }),
    ])
  })

  it('names unknown configurations when it knows them', () => {
    const problems = problemsOf(employeeOnboarding, {
      configurations: new Map([
        ['azure_ad', new Set(['production'])],
        ['service_desk', new Set(['sandbox'])],
      ]),
    })
    expect(problems.map((p) => p.code)).toEqual(
      Array(4).fill('unknown_configuration'),
    )
  })

  it('flags steps the trigger cannot reach and edges without a branch', () => {
    const doc = clone()
    doc.edges = doc.edges.filter((e) => e.target !== 'note_existing')
    doc.edges.push({ source: 'user_exists', target: 'note_existing' })
    doc.edges = doc.edges.filter((e) => e.target !== 'resolve_ticket')
    const problems = problemsOf(doc)
    expect(problems.map((p) => [p.code, p.nodeId])).toEqual([
      ['invalid_branch', 'user_exists'],
      ['unreachable', 'resolve_ticket'],
    ])
  })

  it('reports structural problems with their place in the document', () => {
    const problems = problemsOf({
      format: 'switchboard.workflow',
      formatVersion: 1,
      title: '',
      nodes: [{ id: 'Bad Id', kind: 'app', label: 'x' }],
      edges: [],
    })
    const paths = problems.map((p) => p.path)
    expect(paths).toEqual(
      expect.arrayContaining(['title', 'nodes[0].id', 'nodes[0].app']),
    )
    expect(problems.every((p) => p.code === 'invalid_structure')).toBe(true)
  })

  it('refuses a document that is not a workflow at all', () => {
    expect(problemsOf('hello')[0]!.code).toBe('invalid_structure')
    expect(problemsOf({ format: 'bpmn' })[0]!.message).toMatch(/^format:/)
  })
})
