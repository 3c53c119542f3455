import { PALETTE_MIME, type PaletteSpec } from './canvas.types'

/** Puts a palette item into a drag; the canvas reads it on drop. */
export function startPaletteDrag(event: DragEvent, spec: PaletteSpec): void {
  if (!event.dataTransfer) return
  event.dataTransfer.setData(PALETTE_MIME, JSON.stringify(spec))
  event.dataTransfer.effectAllowed = 'copy'
}

/**
 * Whether a drag carries a palette item. Only the types can be read
 * while dragging over; the data itself comes with the drop.
 */
export function hasPaletteDrag(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes(PALETTE_MIME) ?? false
}

/** The item dropped, or null for anything else (a file, some text). */
export function readPaletteDrag(event: DragEvent): PaletteSpec | null {
  const text = event.dataTransfer?.getData(PALETTE_MIME)
  if (!text) return null
  try {
    return toSpec(JSON.parse(text))
  } catch {
    return null
  }
}

function toSpec(value: unknown): PaletteSpec | null {
  if (typeof value !== 'object' || value === null) return null
  const { kind, app, action } = value as Record<string, unknown>
  if (kind === 'trigger' || kind === 'condition') return { kind }
  if (kind === 'app' && typeof app === 'string' && typeof action === 'string') {
    return { kind, app, action }
  }
  return null
}
