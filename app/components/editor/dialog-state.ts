import { computed, ref } from 'vue'

const open = ref(0)

/**
 * Whether a dialog of the editor is open: the editor's shortcuts pause
 * meanwhile, so Delete in a dialog never deletes a step behind it.
 */
export const dialogOpen = computed(() => open.value > 0)

export function dialogOpened(): void {
  open.value++
}

export function dialogClosed(): void {
  open.value = Math.max(0, open.value - 1)
}
