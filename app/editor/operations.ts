import type { AppNode, WorkflowDocument } from '../../shared/workflow/schema'
import {
  copyFragment,
  fragmentText,
  parseClipboard,
  preparePaste,
} from './clipboard'
import {
  addNodeCommand,
  addNoteCommand,
  autoLayoutCommand,
  connectCommand,
  editNoteCommand,
  moveCommand,
  pasteCommand,
  pinResultCommand,
  removeEdgeCommand,
  removeNoteCommand,
  removeSelectionCommand,
  replaceDocumentCommand,
  setTriggerSampleCommand,
  updateNodeCommand,
  updateWorkflowCommand,
  type Command,
  type Connection,
  type Made,
  type Moves,
  type NewNode,
  type NotePatch,
} from './commands'
import {
  EMPTY_SELECTION,
  plain,
  plainPatch,
  type NodePatch,
  type Selection,
  type XY,
} from './document'

/**
 * The answer of an operation the editor may refuse. A refusal changes
 * nothing; `message` is written for the user (a toast, a status line).
 */
export type EditResult<T = object> =
  ({ ok: true } & T) | { ok: false; message: string }

/** What the operations need from the store. */
export interface OperationContext {
  document(): WorkflowDocument
  selection(): Selection
  execute(command: Command): void
  select(selection: Partial<Selection>): void
  /** The configuration a new step of the app starts with, or ''. */
  defaultConfiguration(app: string): string
}

/**
 * The operations layer: what the canvas and the panels ask for (their
 * intent events), turned into commands on the current document. Each
 * runs at most one command, so each is one undo step.
 */
export function createOperations(ctx: OperationContext) {
  function run<T extends object>(made: Made<T>): EditResult<T> {
    if (!made.ok) return made
    const { command: _command, ...rest } = made
    ctx.execute(made.command)
    return { ok: true, ...(rest as unknown as T) }
  }

  return {
    /** Adds a step and selects it; answers its id. */
    addNode(spec: NewNode): EditResult<{ nodeId: string }> {
      const withConfiguration =
        spec.kind === 'app' && spec.configuration === undefined
          ? { ...spec, configuration: ctx.defaultConfiguration(spec.app) }
          : spec
      const result = run(addNodeCommand(ctx.document(), withConfiguration))
      if (result.ok) {
        ctx.select({ nodes: [result.nodeId], edges: [], notes: [] })
      }
      return result
    },

    /** Deletes the selected steps with their connections, and the
     * selected connections and notes. */
    removeSelection(): EditResult {
      const result = run(
        removeSelectionCommand(ctx.document(), ctx.selection()),
      )
      if (result.ok) ctx.select(EMPTY_SELECTION)
      return result
    },

    /** Moves steps: new top-left corners by step id (a drag's batch). */
    moveNodes(positions: Record<string, XY>): EditResult {
      return run(moveCommand(ctx.document(), { nodes: plain(positions) }))
    },

    /** Moves steps and notes together, as a drag of a mixed selection. */
    moveItems(moves: Moves): EditResult {
      return run(moveCommand(ctx.document(), plain(moves)))
    },

    /** Connects two steps, from Vue Flow's `connect` event. */
    connect(connection: Connection) {
      return run(connectCommand(ctx.document(), connection))
    },

    /** Removes one connection by its `edgeId`. */
    removeEdge(id: string): EditResult {
      return run(removeEdgeCommand(ctx.document(), id))
    },

    /** Changes fields of a step; a key set to `undefined` removes it. */
    updateNode(id: string, patch: NodePatch): EditResult {
      return run(updateNodeCommand(ctx.document(), id, plainPatch(patch)))
    },

    /** Pins a test result of an app step for the data tree. */
    pinResult(id: string, result: NonNullable<AppNode['pinned']>) {
      return run(pinResultCommand(ctx.document(), id, plain(result)))
    },

    unpinResult(id: string): EditResult {
      return run(pinResultCommand(ctx.document(), id, undefined))
    },

    /** Sets the trigger's sample payload; `undefined` removes it. */
    setTriggerSample(sample: unknown): EditResult {
      return run(setTriggerSampleCommand(ctx.document(), plain(sample)))
    },

    /** Renames the workflow or changes its description. */
    updateWorkflow(patch: { title?: string; description?: string }) {
      ctx.execute(updateWorkflowCommand(ctx.document(), plainPatch(patch)))
      return { ok: true } as const
    },

    /** Adds a note and selects it; answers its id. */
    addNote(position: XY, text = ''): EditResult<{ noteId: string }> {
      const result = run(addNoteCommand(ctx.document(), plain(position), text))
      if (result.ok)
        ctx.select({ nodes: [], edges: [], notes: [result.noteId] })
      return result
    },

    editNote(id: string, patch: NotePatch): EditResult {
      return run(editNoteCommand(ctx.document(), id, plainPatch(patch)))
    },

    moveNote(id: string, position: XY): EditResult {
      return run(
        moveCommand(ctx.document(), { notes: { [id]: plain(position) } }),
      )
    },

    removeNote(id: string): EditResult {
      return run(removeNoteCommand(ctx.document(), id))
    },

    /** Lays every step out left to right and saves the positions. */
    autoLayout(): EditResult {
      return run(autoLayoutCommand(ctx.document()))
    },

    /** Replaces the whole document (import, restore); undoable. */
    replaceDocument(next: WorkflowDocument, label?: string) {
      ctx.execute(replaceDocumentCommand(ctx.document(), plain(next), label))
      return { ok: true } as const
    },

    /**
     * The selection as fragment JSON for the clipboard, or null when no
     * step or note is selected. `writeClipboard` (clipboard.ts) puts it
     * on the system clipboard; the shortcuts do both.
     */
    copy(): string | null {
      const fragment = copyFragment(ctx.document(), ctx.selection())
      return fragment ? fragmentText(fragment) : null
    },

    /**
     * Pastes clipboard text (a fragment or a whole workflow) and selects
     * what was pasted. Bad text changes nothing and says why; `notice`
     * tells what was left out (a second trigger).
     */
    paste(
      text: string,
    ): EditResult<{ nodes: string[]; notes: string[]; notice?: string }> {
      const parsed = parseClipboard(text)
      if (!parsed.ok) return parsed
      const prepared = preparePaste(ctx.document(), parsed.piece)
      const result = run(pasteCommand(ctx.document(), prepared.piece))
      if (!result.ok) {
        // Only a trigger was copied: the notice says why nothing came.
        return { ok: false, message: prepared.notice ?? result.message }
      }
      const nodes = prepared.piece.nodes.map((node) => node.id)
      const notes = prepared.piece.notes.map((note) => note.id)
      ctx.select({ nodes, edges: [], notes })
      return {
        ok: true,
        nodes,
        notes,
        ...(prepared.notice ? { notice: prepared.notice } : {}),
      }
    },
  }
}

export type EditorOperations = ReturnType<typeof createOperations>
