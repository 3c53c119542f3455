// Use case 1 as a user sees it: the service desk calls the webhook, the
// job runs against the sandbox tenants, and the browser shows the result.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { beforeAll, describe, expect, test } from 'vitest'
import { browserTestsEnabled } from '../support/browser'
import { useBrowserSession } from '../support/browser-session'
import type { Stack } from '../support/stack'

const FIXTURE = path.join(
  import.meta.dirname,
  '../../shared/templates/onboarding-request.json',
)

/** The onboarding run's steps and the status word each one shows. */
const EXPECTED_STEPS: Record<string, string> = {
  'Get user by username': 'Complete with errors',
  'User exists?': 'Success',
  'Create user': 'Success',
  'Look up department group': 'Success',
  'Add user to group': 'Success',
  'Resolve ticket': 'Success',
}

/** A table's body rows as the user reads them: header → cell text. */
async function readRows(
  table: Locator,
  rows: Locator,
): Promise<Record<string, string>[]> {
  const headers = await table.locator('thead th').allInnerTexts()
  const result: Record<string, string>[] = []
  for (const row of await rows.all()) {
    const cells = await row.locator('td').allInnerTexts()
    result.push(
      Object.fromEntries(
        headers.map((h, i) => [h.trim(), cells[i]?.trim() ?? '']),
      ),
    )
  }
  return result
}

describe.skipIf(!browserTestsEnabled())('employee onboarding in the UI', () => {
  const session = useBrowserSession({
    shotsPrefix: 'switchboard-e2e-',
    fullPage: true,
  })
  let stack: Stack
  let page: Page
  beforeAll(() => {
    ;({ stack, page } = session)
  })
  const screenshot = (name: string) => session.screenshot(name)
  let jobId: string

  test('the webhook accepts the onboarding request', async () => {
    const res = await fetch(`${stack.baseUrl}/hooks/employee-onboarding`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: await readFile(FIXTURE, 'utf8'),
    })
    expect(res.status).toBe(202)
    const body = (await res.json()) as { jobId?: unknown }
    expect(body.jobId).toEqual(expect.any(String))
    jobId = body.jobId as string
  })

  test('the execution logs show the job’s six steps', async (ctx) => {
    expect(jobId, 'the webhook test must pass first').toBeTruthy()
    await page.goto(`${stack.baseUrl}/logs`)
    const table = page.locator('table.log-table')
    // The table shows a job id's first 8 characters; its link has it all.
    const link = page.locator(`a[href="/jobs/${jobId}"]`)
    const rows = page.getByTestId('log-row').filter({ has: link })
    const refresh = page.getByRole('button', { name: /^Refresh/ })

    // The job runs on its own after the 202; the page loads once, so
    // refresh as a user would until all its steps are there.
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
    // Shown with a failure and by the verbose reporter.
    await ctx.annotate(`logs page: ${await screenshot('logs')}`, 'screenshot')

    const seen = await readRows(table, rows)
    const statuses = Object.fromEntries(seen.map((r) => [r.Node, r.Status]))
    expect(statuses).toEqual(EXPECTED_STEPS)
    for (const row of seen) {
      expect(row.Source).toBe('4711')
      expect(row.Workflow).toBe('Employee onboarding')
      expect(row['Job ID']).toBe(jobId.slice(0, 8))
    }
    const getUser = seen.find((r) => r.Node === 'Get user by username')
    expect(getUser?.['System message']).toMatch(/does not exist/)

    await rows
      .first()
      .getByRole('link', { name: `Job ${jobId}` })
      .click()
    await page.waitForURL(`**/jobs/${jobId}`)
    await expect
      .poll(() => page.getByTestId('job-status').innerText())
      .toBe('Success')
    expect(await page.getByTestId('job-source').innerText()).toBe('4711')
    expect(await page.getByTestId('node-run').count()).toBe(6)
  })

  test('the workflow canvas shows the onboarding workflow', async () => {
    await page.goto(`${stack.baseUrl}/workflows`)
    await page
      .getByTestId('workflow-row')
      .getByRole('link', { name: 'Employee onboarding' })
      .click()
    await page.waitForURL('**/workflows/employee-onboarding')
    const nodes = page.locator('.vue-flow__node')
    await expect.poll(() => nodes.count(), { timeout: 10_000 }).toBe(8)
  })
})
