import { describe, expect, it } from 'vitest'
import { employeeOnboarding } from '../../shared/templates/employee-onboarding'
import type { Problem } from '../../shared/workflow/problems'
import type { WorkflowDocumentInput } from '../../shared/workflow/schema'
import {
  comparisonRefuses,
  inputRefuses,
} from '../../shared/workflow/binding-types'
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

  it('refuses a hand-typed number rule operand that is not a number', () => {
    const doc = clone()
    const check = node(doc, 'user_exists') as {
      rules: { operand?: string; operandTo?: string }[]
    }
    check.rules[0]!.operand = 'abc'
    expect(problemsOf(doc)).toEqual([
      expect.objectContaining({
        code: 'invalid_input',
        nodeId: 'user_exists',
        path: 'nodes[2].rules[0].operand',
        message:
          'Rule 1 of "User exists?" compares numbers, but "abc" is not a ' +
          'number',
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

  it('still checks the well-formed steps of a malformed document', () => {
    const doc = clone()
    const check = node(doc, 'user_exists') as { rules: unknown[] }
    check.rules = []
    node(doc, 'create_user').action = 'clone_user'
    ;(node(doc, 'find_group').inputs as Record<string, unknown>).displayName =
      ''
    const problems = problemsOf(doc)
    expect(problems.map((p) => [p.code, p.path ?? p.nodeId])).toEqual([
      ['invalid_structure', 'nodes[2].rules'],
      ['unknown_action', 'nodes[4].action'],
      ['missing_input', 'nodes[5].inputs.displayName'],
    ])
  })

  it('refuses a document that is not a workflow at all', () => {
    expect(problemsOf('hello')[0]!.code).toBe('invalid_structure')
    expect(problemsOf({ format: 'bpmn' })[0]!.message).toMatch(/^format:/)
  })
})

describe('checking the types of bound fields', () => {
  const inputs = (doc: WorkflowDocumentInput, id: string) =>
    node(doc, id).inputs as Record<string, unknown>
  const firstRule = (doc: WorkflowDocumentInput) =>
    (node(doc, 'user_exists').rules as Record<string, unknown>[])[0]!

  it('refuses a true-or-false field for a number input', () => {
    const doc = clone()
    inputs(doc, 'note_existing').ticketId =
      '{{steps.get_user.output.accountEnabled}}'
    expect(problemsOf(doc)).toEqual([
      {
        code: 'type_mismatch',
        message:
          '"Ticket id" expects a number, but ' +
          '{{steps.get_user.output.accountEnabled}} is true or false',
        nodeId: 'note_existing',
        path: 'nodes[3].inputs.ticketId',
      },
    ])
  })

  it('lets text feed a number input, since numeric text converts', () => {
    const doc = clone()
    inputs(doc, 'note_existing').ticketId =
      '{{steps.get_user.output.displayName}}'
    expect(problemsOf(doc)).toEqual([])
  })

  it('refuses a number or an object for a boolean input', () => {
    const doc = clone()
    inputs(doc, 'note_existing').private = '{{steps.get_user.statusCode}}'
    inputs(doc, 'create_user').jobTitle = '{{steps.get_user.output}}'
    inputs(doc, 'find_group').displayName = '{{steps.create_user.output}}'
    expect(problemsOf(doc).map((p) => p.message)).toEqual([
      '"Private" expects true or false, but {{steps.get_user.statusCode}} ' +
        'is a number',
    ])
  })

  it('refuses a list for a choice but takes a number', () => {
    const doc = clone()
    inputs(doc, 'resolve_ticket').status = '{{steps.user_exists.output.rules}}'
    inputs(doc, 'resolve_ticket').priority = '{{steps.find_group.statusCode}}'
    expect(problemsOf(doc).map((p) => [p.code, p.message])).toEqual([
      [
        'type_mismatch',
        '"Status" expects one of 2, 3, 4, 5, but ' +
          '{{steps.user_exists.output.rules}} is a list',
      ],
    ])
  })

  it('checks only a value that is exactly one placeholder', () => {
    const doc = clone()
    // Text around a placeholder makes text, whose content only the run
    // knows; a wrong one fails the step then, naming the input.
    inputs(doc, 'note_existing').private = 'x{{steps.get_user.output}}'
    expect(problemsOf(doc)).toEqual([])
    inputs(doc, 'note_existing').private = '{{trigger.ticket.requester}}'
    expect(problemsOf(doc)).toEqual([])
  })

  it('says only that a step is not upstream, not that its type is wrong', () => {
    const doc = clone()
    inputs(doc, 'create_user').jobTitle = '{{steps.note_existing.output}}'
    inputs(doc, 'resolve_ticket').ticketId = '{{steps.note_existing.output}}'
    expect(problemsOf(doc).map((p) => p.code)).toEqual([
      'not_upstream',
      'not_upstream',
    ])
  })

  it('refuses an object compared as a number, on either side', () => {
    const doc = clone()
    firstRule(doc).operandTo = '{{steps.get_user.output}}'
    expect(problemsOf(doc)).toEqual([
      {
        code: 'type_mismatch',
        message:
          'Rule 1 of "User exists?" compares as a number, but ' +
          '{{steps.get_user.output}} is an object',
        nodeId: 'user_exists',
        path: 'nodes[2].rules[0].operandTo',
      },
    ])
    // Emptiness does not compare, so any value may be checked for it.
    Object.assign(firstRule(doc), {
      value: '{{steps.get_user.output}}',
      operator: 'is_empty',
    })
    expect(problemsOf(doc)).toEqual([])
  })

  it('refuses a number compared as a list, but not a number item', () => {
    const doc = clone()
    Object.assign(firstRule(doc), {
      value: '{{steps.get_user.output.displayName}}',
      compareAs: 'list',
      operator: 'contains',
      operand: '{{steps.get_user.statusCode}}',
      operandTo: undefined,
    })
    expect(problemsOf(doc)).toEqual([])
    firstRule(doc).value = '{{steps.get_user.output.accountEnabled}}'
    expect(problemsOf(doc).map((p) => p.message)).toEqual([
      'Rule 1 of "User exists?" compares as a list, but ' +
        '{{steps.get_user.output.accountEnabled}} is true or false',
    ])
  })

  it('follows the documented table of what each input type refuses', () => {
    const types = [
      'text',
      'number',
      'boolean',
      'choice',
      'list',
      'object',
    ] as const
    const refused = (input: (typeof types)[number]) =>
      types.filter((bound) => inputRefuses(input, bound))
    expect(Object.fromEntries(types.map((t) => [t, refused(t)]))).toEqual({
      text: [],
      number: ['boolean', 'list', 'object'],
      boolean: ['number', 'list', 'object'],
      choice: ['list', 'object'],
      list: ['text', 'number', 'boolean', 'choice'],
      object: ['text', 'number', 'boolean', 'choice'],
    })
    expect(comparisonRefuses('text', 'object')).toBe(false)
    expect(comparisonRefuses('number', 'text')).toBe(false)
    expect(comparisonRefuses('number', 'list')).toBe(true)
    expect(comparisonRefuses('list', 'object')).toBe(false)
  })
})
