import type {
  StickyNote,
  WorkflowDocument,
} from '../../../shared/workflow/schema'
import { findNote, insertAt, mapNote, uniqueId, type XY } from '../document'
import type { Command, Made } from './command'

/** Adds a sticky note; ids are `note`, `note_2`… */
export function addNoteCommand(
  document: WorkflowDocument,
  position: XY,
  text = '',
): Made<{ noteId: string }> {
  const taken = new Set(document.notes.map((note) => note.id))
  const note: StickyNote = { id: uniqueId('note', taken), text, position }
  return {
    ok: true,
    noteId: note.id,
    command: {
      label: 'Add a note',
      apply: (doc) => ({ ...doc, notes: [...doc.notes, note] }),
      revert: (doc) => ({
        ...doc,
        notes: doc.notes.filter((n) => n.id !== note.id),
      }),
    },
  }
}

export type NotePatch = Partial<Pick<StickyNote, 'text' | 'width' | 'height'>>

/**
 * Changes a note's text or size. Typing in a row is one undo step, like a
 * resize drag. (Moving a note is `moveCommand`, with the steps.)
 */
export function editNoteCommand(
  document: WorkflowDocument,
  id: string,
  patch: NotePatch,
): Made {
  const note = findNote(document, id)
  if (!note) return { ok: false, message: 'That note is gone' }
  const before: NotePatch = {}
  for (const key of Object.keys(patch) as (keyof NotePatch)[]) {
    before[key] = note[key] as never
  }
  return { ok: true, command: noteFieldsCommand(id, before, { ...patch }) }
}

function noteFieldsCommand(
  id: string,
  before: NotePatch,
  after: NotePatch,
): Command {
  const keys = (patch: NotePatch) => Object.keys(patch).sort().join()
  const self: Command & { noteEdit: { id: string; after: NotePatch } } = {
    label: 'text' in after ? 'Edit a note' : 'Resize a note',
    noteEdit: { id, after },
    apply: (doc) => mapNote(doc, id, (note) => assignNote(note, after)),
    revert: (doc) => mapNote(doc, id, (note) => assignNote(note, before)),
    merge(next) {
      const edit = (next as Partial<typeof self>).noteEdit
      if (!edit || edit.id !== id || keys(edit.after) !== keys(after)) {
        return null
      }
      return noteFieldsCommand(id, before, edit.after)
    },
  }
  return self
}

function assignNote(note: StickyNote, patch: NotePatch): StickyNote {
  const out: StickyNote = { ...note, ...patch }
  for (const key of Object.keys(patch) as (keyof NotePatch)[]) {
    if (patch[key] === undefined) delete out[key]
  }
  return out
}

/** Removes one note. (Removing a selection is `removeSelectionCommand`.) */
export function removeNoteCommand(
  document: WorkflowDocument,
  id: string,
): Made {
  const index = document.notes.findIndex((note) => note.id === id)
  const note = document.notes[index]
  if (!note) return { ok: false, message: 'That note is gone' }
  const command: Command = {
    label: 'Delete a note',
    apply: (doc) => ({ ...doc, notes: doc.notes.filter((n) => n.id !== id) }),
    revert: (doc) => ({
      ...doc,
      notes: insertAt(doc.notes, [{ index, item: note }]),
    }),
  }
  return { ok: true, command }
}
