import { describe, expect, it } from 'vitest'
import {
  formatPath,
  parseTemplate,
  PlaceholderSyntaxError,
} from '../../shared/placeholders/parse'
import {
  parseJsonTemplate,
  renderJsonTemplate,
} from '../../shared/placeholders/json-template'
import {
  resolveTemplate,
  UnknownStepError,
  type ResolveContext,
} from '../../shared/placeholders/resolve'

function context(trigger: unknown, steps: Record<string, unknown> = {}) {
  return {
    trigger,
    steps,
    stepIds: new Set(Object.keys(steps)),
    warnings: [],
  } satisfies ResolveContext
}

const render = (template: string, ctx: ResolveContext) =>
  resolveTemplate(parseTemplate(template), ctx)

describe('placeholders on keys that are not plain names (C01)', () => {
  const payload = {
    ticket: {
      'custom fields': { 'cost.center': 'CC-100', '61f44': 'x' },
      'deal[contact_email]': 'pat@example.org',
    },
  }

  it('resolves the bracket form of each awkward key', () => {
    const ctx = context(payload)
    expect(
      render('{{trigger.ticket["custom fields"]["cost.center"]}}', ctx),
    ).toBe('CC-100')
    expect(render('{{trigger.ticket["custom fields"]["61f44"]}}', ctx)).toBe(
      'x',
    )
    expect(render('{{trigger.ticket["deal[contact_email]"]}}', ctx)).toBe(
      'pat@example.org',
    )
  })

  it('inserts, for every key picked, a placeholder that resolves to it', () => {
    const ctx = context(payload)
    const picks: [string[], string][] = [
      [['ticket', 'custom fields', 'cost.center'], 'CC-100'],
      [['ticket', 'custom fields', '61f44'], 'x'],
      [['ticket', 'deal[contact_email]'], 'pat@example.org'],
    ]
    for (const [segments, value] of picks) {
      expect(render(formatPath('trigger', segments), ctx)).toBe(value)
    }
    expect(formatPath('trigger', ['ticket', 'custom fields', '61f44'])).toBe(
      '{{trigger.ticket["custom fields"]["61f44"]}}',
    )
  })

  it('refuses a hand-typed dotted path with spaces instead of guessing', () => {
    expect(() =>
      parseTemplate('{{trigger.ticket.custom fields.cost.center}}'),
    ).toThrow(PlaceholderSyntaxError)
  })

  it('resolves a path that does not exist to empty, with a warning', () => {
    const ctx = context(payload)
    expect(render('{{trigger.ticket.custom.cost}}', ctx)).toBeUndefined()
    expect(ctx.warnings).toEqual([
      '{{trigger.ticket.custom.cost}} has no value',
    ])
  })
})

describe('objects and lists inserted into text and JSON (C03)', () => {
  const groups = [
    { id: 'g1', displayName: 'IT' },
    { id: 'g2', displayName: 'HR' },
  ]
  const ctx = context(
    {},
    { get_groups: { status: 'success', output: { value: groups } } },
  )

  it('keeps a list a list inside a JSON body', () => {
    const body = renderJsonTemplate(
      parseJsonTemplate(
        '{"ticket": 42, "groups": {{steps.get_groups.output.value}}}',
      ),
      ctx,
    ) as { groups: unknown }
    expect(body.groups).toEqual(groups)
  })

  it('writes compact JSON into text, never [object Object]', () => {
    expect(render('Groups: {{steps.get_groups.output.value}}', ctx)).toBe(
      `Groups: ${JSON.stringify(groups)}`,
    )
    expect(render('First: {{steps.get_groups.output.value[0]}}', ctx)).toBe(
      'First: {"id":"g1","displayName":"IT"}',
    )
  })

  it('keeps the type of a lone placeholder', () => {
    expect(render('{{steps.get_groups.output.value}}', ctx)).toEqual(groups)
  })
})

describe('quotes, newlines and backslashes in a JSON body (C04)', () => {
  const payload = {
    ticket: {
      subject: 'Laptop "won\'t boot"',
      description: 'Line 1\nLine 2\tTabbed',
      requester: { login: 'CORP\\jdoe' },
    },
  }

  it('escapes inserted text so the body stays valid JSON', () => {
    const template =
      '{"text": "{{trigger.ticket.subject}}: {{trigger.ticket.description}}' +
      ' ({{trigger.ticket.requester.login}})\\nEnd"}'
    const body = renderJsonTemplate(
      parseJsonTemplate(template),
      context(payload),
    ) as { text: string }
    expect(body.text).toBe(
      'Laptop "won\'t boot": Line 1\nLine 2\tTabbed (CORP\\jdoe)\nEnd',
    )
  })

  it('resolves the login alone to its 9 characters', () => {
    const login = render('{{trigger.ticket.requester.login}}', context(payload))
    expect(login).toBe('CORP\\jdoe')
    expect((login as string).length).toBe(9)
  })
})

describe('missing fields and null (C06)', () => {
  const payload = {
    ticket: { requester: { email: 'pat@example.org', manager: null } },
  }

  it('renders missing and null as nothing inside text', () => {
    expect(
      render(
        'Phone: {{trigger.ticket.requester.phone}}; ' +
          'Manager: {{trigger.ticket.requester.manager}}',
        context(payload),
      ),
    ).toBe('Phone: ; Manager: ')
  })

  it('renders them as "" in a JSON string and null as a JSON value', () => {
    const body = renderJsonTemplate(
      parseJsonTemplate(
        '{"phone": "{{trigger.ticket.requester.phone}}", ' +
          '"manager": {{trigger.ticket.requester.manager}}}',
      ),
      context(payload),
    )
    expect(body).toEqual({ phone: '', manager: null })
  })

  it('fails on a step the workflow does not have, naming it', () => {
    expect(() =>
      render('{{steps.does_not_exist.output.id}}', context(payload)),
    ).toThrow(new UnknownStepError('does_not_exist'))
  })
})

describe('template syntax', () => {
  it('leaves text without placeholders alone', () => {
    expect(parseTemplate('Hello {world}')).toEqual({
      kind: 'literal',
      value: 'Hello {world}',
    })
  })

  it('names what is wrong in a broken placeholder', () => {
    expect(() => parseTemplate('{{ticket.id}}')).toThrow(
      '{{ticket.id}} must start with "trigger" or "steps", not "ticket"',
    )
    expect(() => parseTemplate('{{trigger.a["b]}}')).toThrow(
      'has an unclosed quote',
    )
  })

  it('refuses a placeholder that misses a brace', () => {
    expect(() => parseTemplate('x {{steps.get_user.output.id')).toThrow(
      '"{{steps.get_user.output.id" opens a placeholder with {{ but never ' +
        'closes it with }}',
    )
    expect(() => parseTemplate('{{trigger.{{trigger.a}}}}')).toThrow(
      PlaceholderSyntaxError,
    )
    expect(() => parseTemplate('trigger.a}} and more')).toThrow(
      'closes a placeholder with }} that was never opened',
    )
    expect(() => parseJsonTemplate('{"a": "{{trigger.a"}')).toThrow(
      PlaceholderSyntaxError,
    )
  })

  it('reads names in any script, and says how to write other keys', () => {
    const ctx = context({ ключ: 'значение' })
    expect(render('{{trigger.ключ}}', ctx)).toBe('значение')
    expect(() => parseTemplate('{{trigger.-x}}')).toThrow(
      'cannot start a name with "-" (at 9); write such a key in brackets',
    )
  })

  it('reads list indexes and tolerates spaces inside the braces', () => {
    const ctx = context({ hires: [{ upn: 'a@x' }, { upn: 'b@x' }] })
    expect(render('{{ trigger.hires[1].upn }}', ctx)).toBe('b@x')
  })
})
