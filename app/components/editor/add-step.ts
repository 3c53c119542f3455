import {
  addNodeCommand,
  connectCommand,
  type Command,
} from '../../editor/commands'
import { findNode, type XY } from '../../editor/document'
import type { EditResult } from '../../editor/operations'
import type { EditorStore } from '../../editor/store'
import type { WorkflowDocument } from '../../../shared/workflow/schema'
import type { PaletteSpec } from './canvas/canvas.types'

/** Room a card takes, for finding a free place; saved layouts use 260. */
const STEP = { x: 260, y: 140 }
const CARD = { width: 200, height: 100 }

/**
 * The first place at or below `wanted` where no step or note sits, so a
 * new step never hides under another one.
 */
export function freeSpot(document: WorkflowDocument, wanted: XY): XY {
  const taken = [
    ...document.nodes.flatMap((node) => (node.position ? [node.position] : [])),
    ...document.notes.map((note) => note.position),
  ]
  const spot = { ...wanted }
  for (let tries = 0; tries < 50; tries++) {
    const clash = taken.some(
      (p) =>
        Math.abs(p.x - spot.x) < CARD.width &&
        Math.abs(p.y - spot.y) < CARD.height,
    )
    if (!clash) break
    spot.y += STEP.y
  }
  return spot
}

export interface AddStepOptions {
  /** Where it was dropped; else after the selected step, or at `centre`. */
  at?: XY
  /** The middle of the view, in flow coordinates. */
  centre: XY
}

/**
 * Adds a step from the palette. Dropped, it goes where it was dropped.
 * From the keyboard, it goes after the one selected step, connected to
 * it (a condition's free branch, true first) in the same undo step, or
 * in the middle of the view when no single step is selected.
 */
export function addStep(
  store: EditorStore,
  spec: PaletteSpec,
  { at, centre }: AddStepOptions,
): EditResult<{ nodeId: string }> {
  const document = store.document
  const [onlyId, ...others] = store.selection.nodes
  const previous =
    !at && onlyId && others.length === 0 && spec.kind !== 'trigger'
      ? findNode(document, onlyId)
      : undefined
  if (!previous?.position) {
    return store.addNode({
      ...spec,
      position: at ?? freeSpot(document, centre),
    })
  }

  const position = freeSpot(document, {
    x: previous.position.x + STEP.x,
    y: previous.position.y,
  })
  const added = addNodeCommand(document, {
    ...spec,
    position,
    ...(spec.kind === 'app'
      ? { configuration: firstConfiguration(store, spec.app) }
      : {}),
  })
  if (!added.ok) return added
  const afterAdd = added.command.apply(document)
  const connected = connectCommand(afterAdd, {
    source: previous.id,
    target: added.nodeId,
    sourceHandle:
      previous.kind === 'condition' ? freeBranch(document, previous.id) : null,
  })
  const command: Command = connected.ok
    ? {
        label: added.command.label,
        apply: (doc) => connected.command.apply(added.command.apply(doc)),
        revert: (doc) => added.command.revert(connected.command.revert(doc)),
      }
    : added.command
  store.execute(command)
  store.select({ nodes: [added.nodeId], edges: [], notes: [] })
  return { ok: true, nodeId: added.nodeId }
}

function firstConfiguration(store: EditorStore, app: string): string {
  return [...(store.configurations?.get(app) ?? [])][0] ?? ''
}

/** The true branch unless it is taken already. */
function freeBranch(document: WorkflowDocument, id: string): string {
  const taken = document.edges.some(
    (edge) => edge.source === id && edge.branch === 'true',
  )
  return taken ? 'false' : 'true'
}
