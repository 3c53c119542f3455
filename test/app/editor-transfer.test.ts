import { describe, expect, it, vi } from 'vitest'
import {
  downloadDocument,
  exportFileName,
  exportText,
  importFile,
  importText,
} from '../../app/editor/transfer'
import { CONFIGURATIONS, onboarding } from './editor-support'

describe('exporting', () => {
  it('writes pretty JSON that imports back unchanged', () => {
    const text = exportText(onboarding())
    expect(text).toMatch(/^\{\n {2}"format": "switchboard.workflow",\n/)
    expect(importText(text)).toEqual({
      ok: true,
      document: onboarding(),
      problems: [],
    })
  })

  it('downloads a file named after the workflow', async () => {
    expect(exportFileName(onboarding())).toBe(
      'employee-onboarding.workflow.json',
    )
    let blob: Blob | undefined
    const createObjectURL = vi.fn((b: Blob) => {
      blob = b
      return 'blob:workflow'
    })
    vi.stubGlobal('URL', { createObjectURL, revokeObjectURL: vi.fn() })
    const click = vi
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function (this: HTMLAnchorElement) {
        expect(this.download).toBe('employee-onboarding.workflow.json')
        expect(this.getAttribute('href')).toBe('blob:workflow')
      })
    downloadDocument(onboarding())
    expect(click).toHaveBeenCalledOnce()
    expect(JSON.parse(await blob!.text())).toEqual(onboarding())
  })
})

describe('importing', () => {
  it('names the line and column of a JSON syntax error', () => {
    const text = '{\n  "format": "switchboard.workflow",\n  "title": "x",,\n}'
    expect(importText(text)).toEqual({
      ok: false,
      message:
        'This is not valid JSON: Expected double-quoted property name ' +
        '(line 3, column 16)',
    })
  })

  it('refuses what is not a workflow, or from a newer Switchboard', () => {
    expect(importText('')).toEqual({
      ok: false,
      message: 'The file is empty: it holds no workflow',
    })
    expect(importText('{"nodes": []}')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^This is not a Switchboard workflow/),
    })
    const future = { ...onboarding(), formatVersion: 2 }
    expect(importText(JSON.stringify(future))).toEqual({
      ok: false,
      message:
        'This workflow is in format version 2; this Switchboard reads ' +
        'version 1',
    })
  })

  it('opens a workflow with problems, listing every one', () => {
    const broken = onboarding() as unknown as {
      nodes: Record<string, unknown>[]
      edges: Record<string, unknown>[]
    }
    broken.nodes[1]!.label = ''
    broken.nodes[2]!.id = 'User exists'
    broken.edges.push({ source: 'get_user', target: 'ghost' })

    const result = importText(JSON.stringify(broken))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.problems.map((p) => p.message)).toEqual([
      'nodes[1].label: needs a label',
      'nodes[2].id: must start with a lowercase letter and use only a-z, ' +
        '0-9 and _',
      // The well-formed rest is checked too: these edges name the old id.
      'A connection\'s source "user_exists" is not a step',
      'A connection\'s source "user_exists" is not a step',
    ])
    // The editor holds it as written, so the user can fix it there.
    expect(result.document.nodes).toHaveLength(8)
    expect(result.document.nodes[1]?.label).toBe('')
    expect(result.document.edges.at(-1)).toEqual({
      source: 'get_user',
      target: 'ghost',
    })
  })

  it('lists graph and configuration problems of a file', async () => {
    const document = onboarding()
    document.edges.push({ source: 'resolve_ticket', target: 'get_user' })
    ;(document.nodes[3] as { configuration: string }).configuration = 'prod'
    const file = new Blob([JSON.stringify(document)])
    const result = await importFile(file, { configurations: CONFIGURATIONS })
    const problems = result.ok ? result.problems : []
    expect(problems.map((p) => [p.code, p.nodeId])).toEqual([
      ['cycle', 'get_user'],
      ['unknown_configuration', 'note_existing'],
    ])
  })
})
