// Driving the workflow editor as a person does: drags from the palette,
// drags between handles, picks from the data tree.
import type { Locator, Page } from 'playwright-core'

export const APPS = {
  azure: 'Azure AD (Microsoft Entra ID)',
  desk: 'Service desk (Freshservice)',
}

/** A step on the canvas, by its id. */
export function step(page: Page, id: string): Locator {
  return page.locator(`.vue-flow__node[data-id="${id}"]`)
}

export function paletteItem(page: Page, name: string): Locator {
  return page
    .getByTestId('palette-item')
    .and(page.getByRole('button', { name, exact: true }))
}

export function inspector(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Inspector' })
}

/**
 * Drags a palette item onto the canvas; `at` is where the pointer lets
 * go, from the canvas's top left corner.
 */
export async function dropFromPalette(
  page: Page,
  name: string,
  at: { x: number; y: number },
): Promise<void> {
  await paletteItem(page, name).dragTo(page.locator('.vue-flow__pane'), {
    targetPosition: at,
  })
}

async function centre(locator: Locator) {
  const box = await locator.boundingBox()
  if (!box) throw new Error('not on screen')
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
}

/** Drags from a step's output handle to another step's input handle. */
export async function connect(
  page: Page,
  source: string,
  target: string,
  branch?: 'true' | 'false',
): Promise<void> {
  const handle = branch ? `[data-handleid="${branch}"]` : ''
  const from = await centre(
    step(page, source).locator(`.vue-flow__handle.source${handle}`),
  )
  const to = await centre(
    step(page, target).locator('.vue-flow__handle.target'),
  )
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 })
  await page.mouse.move(to.x, to.y, { steps: 5 })
  await page.mouse.up()
}

/** Selects a step by clicking its label. */
export async function select(page: Page, id: string): Promise<void> {
  await step(page, id).locator('.flow-node__label').click()
}

/**
 * Opens the data picker of a field and picks a value by walking the
 * tree: each key but the last is opened with its arrow, the last picked.
 * `root` is `trigger` or `steps.<id>`.
 */
export async function pick(
  page: Page,
  field: string,
  root: string,
  keys: string[],
): Promise<void> {
  await inspector(page)
    .getByRole('button', { name: `Insert data into ${field}`, exact: true })
    .click()
  const picker = page.getByRole('dialog', { name: `Insert data into ${field}` })
  const row = (path: string[]) =>
    picker.locator(
      `[role="treeitem"][title="{{${[root, ...path].join('.')}}}"]`,
    )
  for (let i = 1; i < keys.length; i++) {
    const parent = row(keys.slice(0, i))
    if ((await parent.getAttribute('aria-expanded')) !== 'true') {
      await parent.locator('.data-tree__toggle').click()
    }
  }
  await row(keys).click()
}

/**
 * The inspector's field named `label`: a text field or a select. By role,
 * as a screen reader names it: a required field's "*" is not in its name.
 */
export function field(page: Page, label: string): Locator {
  const panel = inspector(page)
  return panel
    .getByRole('textbox', { name: label, exact: true })
    .or(panel.getByRole('combobox', { name: label, exact: true }))
}
