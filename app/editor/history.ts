import { computed, shallowRef, type ComputedRef } from 'vue'
import type { Command } from './commands'

/** How many steps back undo reaches. */
export const HISTORY_LIMIT = 200

export interface History {
  /**
   * Records a command that was just applied: it goes on the undo stack,
   * merged into the previous one when that one agrees (see
   * `Command.merge`), and the redo stack is cleared.
   */
  record(command: Command): void
  /** The command to revert, moved to the redo stack; none when empty. */
  takeUndo(): Command | undefined
  /** The command to apply again, moved to the undo stack. */
  takeRedo(): Command | undefined
  /** Ends merging: the next command starts a new undo step. */
  seal(): void
  clear(): void
  canUndo: ComputedRef<boolean>
  canRedo: ComputedRef<boolean>
  /** Label of the change undo would revert, e.g. "Move 2 steps". */
  undoLabel: ComputedRef<string | null>
  redoLabel: ComputedRef<string | null>
}

/**
 * Undo and redo stacks of commands. The stacks are replaced on each
 * change (shallow refs), so the labels and flags stay reactive cheaply.
 */
export function createHistory(limit = HISTORY_LIMIT): History {
  const undoStack = shallowRef<readonly Command[]>([])
  const redoStack = shallowRef<readonly Command[]>([])
  // After an undo or redo the last command must not absorb a new one:
  // undoing a drag, then dragging again, is two changes.
  let mergeable = false

  function record(command: Command): void {
    const stack = undoStack.value
    const last = stack[stack.length - 1]
    const merged = mergeable && last?.merge ? last.merge(command) : null
    undoStack.value = merged
      ? [...stack.slice(0, -1), merged]
      : [...stack, command].slice(-limit)
    redoStack.value = []
    mergeable = true
  }

  function move(
    from: typeof undoStack,
    to: typeof undoStack,
  ): Command | undefined {
    const command = from.value[from.value.length - 1]
    if (!command) return undefined
    from.value = from.value.slice(0, -1)
    to.value = [...to.value, command]
    mergeable = false
    return command
  }

  const label = (stack: typeof undoStack) =>
    computed(() => stack.value[stack.value.length - 1]?.label ?? null)

  return {
    record,
    takeUndo: () => move(undoStack, redoStack),
    takeRedo: () => move(redoStack, undoStack),
    seal: () => {
      mergeable = false
    },
    clear: () => {
      undoStack.value = []
      redoStack.value = []
      mergeable = false
    },
    canUndo: computed(() => undoStack.value.length > 0),
    canRedo: computed(() => redoStack.value.length > 0),
    undoLabel: label(undoStack),
    redoLabel: label(redoStack),
  }
}
