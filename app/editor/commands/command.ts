import type { WorkflowDocument } from '../../../shared/workflow/schema'

/**
 * One undoable change of the document. Commands are made by the
 * factories in this folder from the document they will change, so
 * `revert` knows what `apply` replaced; both are pure and return a new
 * document, leaving the one passed in untouched.
 */
export interface Command {
  /** Shown as "Undo <label>": a short phrase, e.g. "Move 3 steps". */
  readonly label: string
  apply(document: WorkflowDocument): WorkflowDocument
  revert(document: WorkflowDocument): WorkflowDocument
  /**
   * Folds the command that comes right after this one into a single undo
   * step, or returns null to keep both: a drag sends many moves, typing
   * sends an edit per key, and the user thinks of each as one change.
   */
  merge?(next: Command): Command | null
  /**
   * Changes only positions, which no validation rule reads: the store
   * keeps the problems it has, and a drag of a big workflow stays smooth.
   */
  readonly layoutOnly?: boolean
}

/**
 * What a factory returns when the change may be refused (a second
 * trigger, a connection into itself): the command, or words for the user.
 */
export type Made<T = object> =
  ({ ok: true; command: Command } & T) | { ok: false; message: string }

/** A command that swaps whole documents; for import and restore. */
export function swapCommand(
  label: string,
  before: WorkflowDocument,
  after: WorkflowDocument,
): Command {
  return { label, apply: () => after, revert: () => before }
}

/** "step" or "3 steps". */
export function count(n: number, noun: string): string {
  return n === 1 ? noun : `${n} ${noun}s`
}
