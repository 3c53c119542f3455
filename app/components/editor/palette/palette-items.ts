import { APPS } from '../../../../shared/catalog'
import type { InstalledApp } from '../../../api/client'
import type { PaletteSpec } from '../canvas/canvas.types'

export interface PaletteItem {
  /** Unique in the palette: `trigger`, `condition`, `azure_ad.get_user`. */
  key: string
  spec: PaletteSpec
  label: string
  /** The name a screen reader reads: "<group>: <label>". */
  name: string
  description: string
}

export interface PaletteGroup {
  id: string
  title: string
  items: PaletteItem[]
}

const TRIGGER: PaletteItem = {
  key: 'trigger',
  spec: { kind: 'trigger' },
  label: 'Service request created',
  name: 'Trigger: Service request created',
  description:
    'Starts the workflow when the service desk calls its webhook. A ' +
    'workflow has exactly one.',
}

const CONDITION: PaletteItem = {
  key: 'condition',
  spec: { kind: 'condition' },
  label: 'Condition',
  name: 'Logic: Condition',
  description:
    'Checks rules on the data so far and goes on along its true or its ' +
    'false branch.',
}

/**
 * What the palette offers: the trigger, the condition, and the actions
 * of each installed app, grouped by app. An app in the catalog that no
 * one installed is left out: its steps could not run.
 */
export function paletteGroups(apps: readonly InstalledApp[]): PaletteGroup[] {
  const groups: PaletteGroup[] = [
    { id: 'trigger', title: 'Trigger', items: [TRIGGER] },
    { id: 'logic', title: 'Logic', items: [CONDITION] },
  ]
  for (const { id, installed } of apps) {
    const app = APPS.get(id)
    if (!app || installed === false) continue
    groups.push({
      id: app.id,
      title: app.name,
      items: app.actions.map((action) => ({
        key: `${app.id}.${action.id}`,
        spec: { kind: 'app', app: app.id, action: action.id },
        label: action.label,
        name: `${app.name}: ${action.label}`,
        description: action.description,
      })),
    })
  }
  return groups
}

/**
 * The groups with only the items whose name or description has every
 * word of the query; a group's title matches all of its items.
 */
export function filterGroups(
  groups: readonly PaletteGroup[],
  query: string,
): PaletteGroup[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0) return [...groups]
  const has = (item: PaletteItem) => {
    const text = `${item.name} ${item.description}`.toLowerCase()
    return words.every((word) => text.includes(word))
  }
  return groups
    .map((group) => ({ ...group, items: group.items.filter(has) }))
    .filter((group) => group.items.length > 0)
}
