import {
  computed,
  ref,
  shallowRef,
  toValue,
  watch,
  type MaybeRefOrGetter,
} from 'vue'
import { useRouter } from 'vue-router'
import type { Draft } from '../../editor/drafts'
import { workflowDraftKey } from '../../editor/drafts'
import { useEditorStore } from '../../editor/store'
import { useAppsStore } from '../../stores/apps'

/** What the route asks to edit. */
export interface EditorTarget {
  /** An existing workflow. */
  id?: string
  /** A new workflow's draft (`new:<uuid>`), to reopen after a reload. */
  draftKey?: string | null
}

/**
 * Opens what the route names in the editor store: a workflow (this
 * browser's newer draft of it wins), a new workflow's draft, or a new
 * workflow, whose draft key then goes into the URL so a reload finds
 * it. The installed apps load alongside: problems check configurations.
 */
export function useEditorSession(target: MaybeRefOrGetter<EditorTarget>) {
  const store = useEditorStore()
  const appsStore = useAppsStore()
  const router = useRouter()
  const status = ref<'loading' | 'ready' | 'error'>('loading')
  const error = ref<unknown>(null)
  const offline = ref(false)
  /** A local draft older than the server's, which was not opened. */
  const olderDraft = shallowRef<Draft | undefined>()
  const appsTried = ref(false)
  let generation = 0

  async function open({ id, draftKey }: EditorTarget): Promise<void> {
    const current = ++generation
    const stale = () => current !== generation
    // Fetched beside the workflow, not before it; the problems are
    // checked again against the configurations when they come.
    void appsStore.load().then(() => {
      appsTried.value = true
      if (appsStore.loaded) store.setConfigurations(appsStore.items)
    })

    // Back on the workflow the store holds (after publishing a new one,
    // or a reload of the draft's URL): keep it, with its undo history.
    const holds = id
      ? store.draftKey === workflowDraftKey(id)
      : !!draftKey && store.draftKey === draftKey
    if (holds && status.value === 'ready') return

    status.value = 'loading'
    error.value = null
    offline.value = false
    olderDraft.value = undefined
    try {
      if (id) {
        const opened = await store.open(id)
        if (stale()) return
        offline.value = opened.offline
        olderDraft.value = opened.olderDraft
      } else if (!draftKey || !(await store.openDraft(draftKey))) {
        const key = await store.openNew()
        if (stale()) return
        // Ready first: the new URL then names what the store holds.
        status.value = 'ready'
        await router.replace({ query: { draft: key } })
        return
      }
      if (!stale()) status.value = 'ready'
    } catch (caught) {
      if (stale()) return
      error.value = caught
      status.value = 'error'
    }
  }

  watch(
    () => toValue(target),
    (next) => void open(next),
    { immediate: true },
  )

  return {
    status,
    error,
    offline,
    olderDraft,
    /** The installed apps; null while unknown. */
    apps: computed(() => (appsStore.loaded ? appsStore.items : null)),
    /** They could not be fetched (offline): only built-in steps. */
    appsFailed: computed(() => appsTried.value && !appsStore.loaded),
    retry: () => open(toValue(target)),
  }
}
