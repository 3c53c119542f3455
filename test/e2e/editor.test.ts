// The editor as a person uses it: a workflow built on the canvas from
// the palette, bound from the data tree, tested, published and run. No
// JSON is typed; the trigger's sample is loaded from a file.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, test } from 'vitest'
import { browserTestsEnabled } from '../support/browser'
import { useBrowserSession } from '../support/browser-session'
import type { Stack } from '../support/stack'
import {
  APPS,
  connect,
  dropFromPalette,
  field,
  inspector,
  paletteItem,
  pick,
  select,
  step,
} from './editor-support'

const FIXTURE = path.join(
  import.meta.dirname,
  '../../shared/templates/onboarding-request.json',
)
const FORM = ['ticket', 'requested_item', 'custom_fields']
/** The trigger sits here on screen; steps are 260 px apart (zoom 1). */
const START = { x: 48, y: 64 }

describe.skipIf(!browserTestsEnabled())('the workflow editor', () => {
  const session = useBrowserSession({
    shotsPrefix: 'switchboard-editor-',
    viewport: { width: 1440, height: 900 },
  })
  let stack: Stack
  let page: Page
  beforeAll(() => {
    ;({ stack, page } = session)
  })
  const screenshot = (name: string) => session.screenshot(name)

  /** Adds a step after the selected one with Enter in the palette. */
  async function addAfterSelected(name: string): Promise<void> {
    await paletteItem(page, name).focus()
    await page.keyboard.press('Enter')
  }

  /** Waits for the inspector to show the step `id`. */
  async function inspecting(id: string): Promise<void> {
    await inspector(page)
      .locator('.editor-inspector__id')
      .getByText(id, { exact: true })
      .waitFor()
  }

  async function openNewWorkflow(): Promise<void> {
    await page.goto(`${stack.baseUrl}/workflows/new`)
    await page.waitForURL(/draft=new/)
    await step(page, 'trigger').waitFor()
  }

  test(
    'builds, tests, publishes and runs the onboarding workflow',
    {
      timeout: 180_000,
    },
    async (ctx) => {
      await openNewWorkflow()
      await ctx.annotate(`empty editor: ${await screenshot('editor-empty')}`)

      // The trigger's sample: the service desk's request, from a file.
      await select(page, 'trigger')
      await page.getByTestId('trigger-sample-file').setInputFiles(FIXTURE)
      await expect
        .poll(() => page.getByTestId('trigger-sample').inputValue())
        .toContain('jacob.whitfield@contoso-hr.example')

      // Get user: dragged from the palette, connected by its handles.
      await dropFromPalette(page, `${APPS.azure}: Get user by username`, {
        x: START.x + 260 + 100,
        y: START.y + 40,
      })
      await step(page, 'get_user').waitFor()
      await connect(page, 'trigger', 'get_user')
      await expect.poll(() => page.locator('.vue-flow__edge').count()).toBe(1)

      await select(page, 'get_user')
      await pick(page, 'Username (UPN)', 'trigger', [...FORM, 'username'])
      await expect
        .poll(() => field(page, 'Username (UPN)').inputValue())
        .toBe('{{trigger.ticket.requested_item.custom_fields.username}}')
      await inspector(page)
        .getByLabel('Continue, so the workflow can branch on the answer')
        .check()

      // Jacob is not in the sandbox tenant yet: a 404, pinned for later.
      await inspector(page).getByRole('button', { name: 'Test action' }).click()
      const result = inspector(page).locator('.test-result')
      await expect
        .poll(() => result.locator('.badge').innerText(), { timeout: 15_000 })
        .toBe('Complete with errors')
      expect(await result.locator('dd.mono').innerText()).toBe('404')
      await result.getByRole('button', { name: 'Pin result' }).click()
      await expect
        .poll(() => result.locator('h3').innerText())
        .toBe('Pinned result')
      await ctx.annotate(`pinned: ${await screenshot('editor-pinned')}`)

      // The condition, on the status code picked from the data tree.
      await dropFromPalette(page, 'Logic: Condition', {
        x: START.x + 520 + 100,
        y: START.y + 40,
      })
      await step(page, 'condition').waitFor()
      await connect(page, 'get_user', 'condition')
      await expect.poll(() => page.locator('.vue-flow__edge').count()).toBe(2)
      await select(page, 'condition')
      await field(page, 'Label').fill('User exists?')
      await pick(page, 'the value of rule 1', 'steps.get_user', ['statusCode'])
      await field(page, 'Compare as').selectOption({ label: 'Number' })
      await field(page, 'Operator').selectOption({ label: 'is between' })
      await field(page, 'From').fill('200')
      await field(page, 'To').fill('299')
      await ctx.annotate(`condition: ${await screenshot('editor-condition')}`)

      // True: a note on the ticket. Added with Enter after the condition.
      await select(page, 'condition')
      await addAfterSelected(`${APPS.desk}: Add note to ticket`)
      await inspecting('add_note')
      await pick(page, 'Ticket id', 'trigger', ['ticket', 'id'])
      await pick(page, 'Note', 'steps.get_user', ['output', 'displayName'])
      await field(page, 'Note').press('End')
      await field(page, 'Note').pressSequentially(' already has an account.')

      // False: create the user, add them to their group, resolve.
      await select(page, 'condition')
      await addAfterSelected(`${APPS.azure}: Create user`)
      await inspecting('create_user')
      await pick(page, 'Username (UPN)', 'trigger', [...FORM, 'username'])
      await pick(page, 'Display name', 'trigger', [...FORM, 'first_name'])
      await field(page, 'Display name').press('End')
      await field(page, 'Display name').pressSequentially(' ')
      await pick(page, 'Display name', 'trigger', [...FORM, 'last_name'])
      await pick(page, 'First name', 'trigger', [...FORM, 'first_name'])
      await pick(page, 'Last name', 'trigger', [...FORM, 'last_name'])
      await pick(page, 'Department', 'trigger', [...FORM, 'department'])
      await pick(page, 'Usage location', 'trigger', [...FORM, 'usage_location'])

      await addAfterSelected(`${APPS.azure}: Look up group by name`)
      await inspecting('find_group')
      await pick(page, 'Group name', 'trigger', [...FORM, 'department'])

      await addAfterSelected(`${APPS.azure}: Add user to group`)
      await inspecting('add_group_member')
      await pick(page, 'Group id', 'steps.find_group', ['output', 'id'])
      await pick(page, 'User id', 'steps.create_user', ['output', 'id'])

      await addAfterSelected(`${APPS.desk}: Update ticket`)
      await inspecting('update_ticket')
      await field(page, 'Label').fill('Resolve ticket')
      await pick(page, 'Ticket id', 'trigger', ['ticket', 'id'])
      await field(page, 'Status').selectOption({ label: 'Resolved' })

      await page.getByRole('button', { name: /^Auto layout/ }).click()
      // Steps out of view are not drawn: the last one shows once all fit.
      await step(page, 'update_ticket').waitFor()
      await page
        .getByTestId('workflow-title')
        .fill('Onboarding from the editor')
      await page.locator('.vue-flow__pane').click({ position: { x: 5, y: 5 } })
      await expect
        .poll(() => page.getByTestId('problem-count').innerText())
        .toBe('0')
      await ctx.annotate(`mid-build: ${await screenshot('editor-built')}`)

      await page.getByTestId('publish').click()
      const outcome = page.getByTestId('publish-outcome')
      await expect
        .poll(() => outcome.innerText(), { timeout: 15_000 })
        .toMatch(/Published version 1/)
      // The new workflow moves to its own URL, keeping what was said.
      await page.waitForURL(/\/workflows\/[^/]+\/edit$/)
      expect(await outcome.innerText()).toMatch(/Published version 1/)
      expect(await page.getByTestId('undo').isEnabled()).toBe(true)
      const workflowId = decodeURIComponent(
        new URL(page.url()).pathname.split('/')[2]!,
      )

      const hook = await fetch(`${stack.baseUrl}/hooks/${workflowId}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: await readFile(FIXTURE, 'utf8'),
      })
      expect(hook.status).toBe(202)
      const { jobId } = (await hook.json()) as { jobId: string }

      await page.goto(`${stack.baseUrl}/logs`)
      const rows = page
        .getByTestId('log-row')
        .filter({ has: page.locator(`a[href="/jobs/${jobId}"]`) })
      const refresh = page.getByRole('button', { name: /^Refresh/ })
      await expect
        .poll(
          async () => {
            const count = await rows.count()
            if (count < 6 && (await refresh.isEnabled())) await refresh.click()
            return count
          },
          { timeout: 20_000, interval: 500 },
        )
        .toBe(6)
      const status = async (node: string) =>
        rows.filter({ hasText: node }).locator('.badge').first().innerText()
      expect(await status('Create user')).toBe('Success')
      expect(await status('Resolve ticket')).toBe('Success')
      expect(await status('Get user by username')).toBe('Complete with errors')
      await ctx.annotate(`logs: ${await screenshot('editor-logs')}`)
    },
  )

  test('a reload keeps the draft: its steps and the label typed', async () => {
    await openNewWorkflow()
    await select(page, 'trigger')
    await addAfterSelected('Logic: Condition')
    await field(page, 'Label').fill('Is it urgent?')
    await expect
      .poll(() => page.getByTestId('draft-status').innerText())
      .toMatch(/Saved in this browser/)
    const url = page.url()

    await page.reload()
    await step(page, 'condition').waitFor()
    expect(page.url()).toBe(url)
    const ids = await page
      .locator('.vue-flow__node')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id')))
    expect(ids.sort()).toEqual(['condition', 'trigger'])
    expect(await page.locator('.vue-flow__edge').count()).toBe(1)
    await select(page, 'condition')
    expect(await field(page, 'Label').inputValue()).toBe('Is it urgent?')
  })

  test('a wrong placeholder marks its step, blocks publishing', async (ctx) => {
    await openNewWorkflow()
    await select(page, 'trigger')
    await addAfterSelected(`${APPS.azure}: Get user by username`)
    await field(page, 'Username (UPN)').fill(
      '{{trigger.ticket.requester.email}}',
    )
    await addAfterSelected(`${APPS.desk}: Add note to ticket`)
    await field(page, 'Ticket id').fill('{{trigger.ticket.id}}')
    await field(page, 'Note').fill('{{steps.get_user.output.nope}}')

    const badge = step(page, 'add_note').getByTestId('node-problems')
    await expect.poll(() => badge.getAttribute('title')).toBe('1 problem')
    expect(
      await step(page, 'get_user').getByTestId('node-problems').count(),
    ).toBe(0)
    expect(
      await inspector(page).getByTestId('inspector-problems').innerText(),
    ).toMatch(/nope/)
    const publish = page.getByTestId('publish')
    expect(await publish.isDisabled()).toBe(true)
    expect(await page.getByTestId('publish-reason').innerText()).toBe(
      'Fix 1 problem before publishing',
    )

    // Nothing selected: the whole list; a click there finds the step.
    await page.locator('.vue-flow__pane').click({ position: { x: 5, y: 5 } })
    const problem = inspector(page).getByTestId('problem')
    expect(await problem.innerText()).toMatch(/Add note to ticket.*nope/s)
    await ctx.annotate(`problem: ${await screenshot('editor-problem')}`)
    await problem.click()
    await expect
      .poll(() => field(page, 'Label').inputValue())
      .toBe('Add note to ticket')
  })
})
