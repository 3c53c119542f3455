import type { FieldSpec, FieldType } from '../../../shared/catalog'
import type { CompareAs } from '../../../shared/conditions/operators'
import { formatPath, type Segment } from '../../../shared/placeholders/parse'
import {
  comparisonRefuses,
  inputRefuses,
} from '../../../shared/workflow/binding-types'
import type { DataSource } from '../types'

export type TreeType = FieldType | 'unknown'

/** One row of the data tree: a source, a key of it, or a list item. */
export interface TreeItem {
  /** The placeholder it inserts; unique in a tree, so it is the key. */
  placeholder: string
  /** What the row shows first: the key, `[0]`, or the source's name. */
  name: string
  label?: string
  type: TreeType
  description?: string
  /** A sample value, shortened, when the tree comes from real data. */
  preview?: string
  children: TreeItem[]
  parent?: TreeItem
  isSource: boolean
}

// A sample payload may be large; the tree is for finding a path, and the
// first items of a list show every path its items have.
export const MAX_LIST_ITEMS = 50
const MAX_KEYS = 200
const MAX_DEPTH = 12
const PREVIEW_LENGTH = 40

/** The observed type of a JSON value. */
export function typeOf(value: unknown): TreeType {
  if (typeof value === 'string') return 'text'
  if (typeof value === 'number') return 'number'
  if (typeof value === 'boolean') return 'boolean'
  if (Array.isArray(value)) return 'list'
  if (value !== null && typeof value === 'object') return 'object'
  return 'unknown'
}

/** A value shortened to fit on the row beside its key. */
export function preview(value: unknown): string {
  if (Array.isArray(value)) {
    return value.length === 1 ? '1 item' : `${value.length} items`
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).length
    return keys === 1 ? '1 key' : `${keys} keys`
  }
  const text = value === undefined ? 'nothing' : JSON.stringify(value)
  return text.length > PREVIEW_LENGTH
    ? `${text.slice(0, PREVIEW_LENGTH - 1)}…`
    : text
}

/**
 * Whether the validator would refuse a field of type `type` bound alone
 * to the input: the same table, so the tree's hint and the validator's
 * `type_mismatch` agree. A type the sample cannot tell is never refused.
 */
export function isRefused(type: TreeType, filter: TypeFilter): boolean {
  if (type === 'unknown') return false
  return 'compareAs' in filter
    ? comparisonRefuses(filter.compareAs, type)
    : inputRefuses(filter.type, type)
}

/** What an input wants: a field type, or a condition's comparison. */
export type TypeFilter = { type: FieldType } | { compareAs: CompareAs }

/** The tree of every source, built once per change of the sources. */
export function buildTree(sources: DataSource[]): TreeItem[] {
  return sources.map((source) => {
    const item: TreeItem = {
      placeholder: formatPath(source.root, source.prefix),
      name: source.label,
      type: 'object',
      children: [],
      isSource: true,
    }
    const at = (path: Segment[]) =>
      formatPath(source.root, [...source.prefix, ...path])
    if (source.value !== undefined) {
      item.children = fromValue(source.value, source.fields, [], at, item)
    } else if (source.fields) {
      item.children = fromFields(source.fields, [], at, item)
    } else {
      item.description = 'No data yet: add a sample or run a test'
    }
    return item
  })
}

type Format = (path: Segment[]) => string

function fromValue(
  value: unknown,
  specs: FieldSpec[] | undefined,
  path: Segment[],
  at: Format,
  parent: TreeItem,
): TreeItem[] {
  if (path.length >= MAX_DEPTH) return []
  if (Array.isArray(value)) {
    return value.slice(0, MAX_LIST_ITEMS).map((entry, index) => {
      const itemPath = [...path, index]
      const item = valueItem(`[${index}]`, entry, undefined, itemPath, at)
      item.parent = parent
      item.children = fromValue(entry, specs, itemPath, at, item)
      return item
    })
  }
  if (value === null || typeof value !== 'object') return []
  const seen = Object.entries(value)
    .slice(0, MAX_KEYS)
    .map(([key, entry]) => {
      const spec = specs?.find((field) => field.name === key)
      const itemPath = [...path, key]
      const item = valueItem(key, entry, spec, itemPath, at)
      item.parent = parent
      item.children = fromValue(entry, spec?.fields, itemPath, at, item)
      return item
    })
  // A pinned result has no `status`, and a sample may lack an optional
  // field; what the description promises is offered all the same.
  const missing = (specs ?? []).filter(
    (spec) => !Object.hasOwn(value, spec.name),
  )
  return [...seen, ...fromFields(missing, path, at, parent)]
}

function valueItem(
  name: string,
  value: unknown,
  spec: FieldSpec | undefined,
  path: Segment[],
  at: Format,
): TreeItem {
  return {
    placeholder: at(path),
    name,
    label: spec?.label,
    // The declared type says more than the sample: a choice, say.
    type: spec?.type ?? typeOf(value),
    description: spec?.description,
    preview: preview(value),
    children: [],
    isSource: false,
  }
}

function fromFields(
  specs: FieldSpec[],
  path: Segment[],
  at: Format,
  parent: TreeItem,
): TreeItem[] {
  if (path.length >= MAX_DEPTH) return []
  return specs.map((spec) => {
    const itemPath = [...path, spec.name]
    const item: TreeItem = {
      placeholder: at(itemPath),
      name: spec.name,
      label: spec.label,
      type: spec.type,
      description: spec.description,
      children: [],
      parent,
      isSource: false,
    }
    if (spec.type === 'object' && spec.fields) {
      item.children = fromFields(spec.fields, itemPath, at, item)
    } else if (spec.type === 'list' && spec.fields) {
      // Items are described once; the first one stands for them all.
      const first: TreeItem = {
        placeholder: at([...itemPath, 0]),
        name: '[0]',
        label: 'First item',
        type: 'object',
        children: [],
        parent: item,
        isSource: false,
      }
      first.children = fromFields(spec.fields, [...itemPath, 0], at, first)
      item.children = [first]
    }
    return item
  })
}

/** A row as the tree shows it, with what a screen reader announces. */
export interface TreeRow {
  item: TreeItem
  level: number
  setSize: number
  position: number
  /** Undefined for a leaf. */
  expanded?: boolean
}

/** Whether the search text is in the item's key or label. */
export function matches(item: TreeItem, query: string): boolean {
  return (
    item.name.toLowerCase().includes(query) ||
    (item.label?.toLowerCase().includes(query) ?? false)
  )
}

/**
 * The rows to show. While searching, only matches and the branches that
 * lead to them are shown, opened; below a match the user's own expansion
 * applies again, so a matched object can be explored.
 */
export function visibleRows(
  roots: TreeItem[],
  expanded: ReadonlySet<string>,
  search: string,
): TreeRow[] {
  const query = search.trim().toLowerCase()
  const relevant = new Set<TreeItem>()
  const mark = (item: TreeItem): boolean => {
    let found = matches(item, query)
    for (const child of item.children) found = mark(child) || found
    if (found) relevant.add(item)
    return found
  }
  if (query) roots.forEach(mark)

  const rows: TreeRow[] = []
  const walk = (items: TreeItem[], level: number, filtered: boolean) => {
    const shown = filtered ? items.filter((item) => relevant.has(item)) : items
    shown.forEach((item, index) => {
      const leadsOn =
        filtered && item.children.some((child) => relevant.has(child))
      const open = leadsOn || expanded.has(item.placeholder)
      rows.push({
        item,
        level,
        setSize: shown.length,
        position: index + 1,
        expanded: item.children.length > 0 ? open : undefined,
      })
      if (open) walk(item.children, level + 1, leadsOn)
    })
  }
  walk(roots, 1, query !== '')
  return rows
}
