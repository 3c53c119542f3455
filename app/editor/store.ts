import { defineStore } from 'pinia'
import { computed, onScopeDispose, ref, shallowRef } from 'vue'
import { api, ApiRequestError, NETWORK_ERROR } from '../api/client'
import type { InstalledApp } from '../api/client'
import type { WorkflowDocument } from '../../shared/workflow/schema'
import { createAutosave } from './autosave'
import { watchOtherTabs } from './other-tabs'
import type { Command } from './commands'
import {
  blankDocument,
  edgeId,
  EMPTY_SELECTION,
  type Selection,
} from './document'
import {
  deleteDraft,
  loadDraft,
  newDraftKey,
  renameDraft,
  saveDraft,
  workflowDraftKey,
  type Draft,
} from './drafts'
import { toEditableDocument } from './editable'
import { createHistory } from './history'
import { createOperations } from './operations'
import { reportProblems } from './problems'

/** Ids of the installed configurations of each app, by app id. */
export type ConfigurationIds = ReadonlyMap<string, ReadonlySet<string>>

/** How `open` found the document the user now sees. */
export interface OpenResult {
  /** `draft`: this browser's draft was newer than the server's. */
  source: 'server' | 'draft'
  /** The server could not be reached; the local draft was opened. */
  offline: boolean
  /**
   * A local draft older than the server's, which was not opened. The
   * page may offer it back (`replaceDocument(olderDraft.document)`);
   * the next change overwrites it.
   */
  olderDraft?: Draft
}

/**
 * The workflow being edited: its document, selection, problems, undo
 * history and its draft in this browser. Every change goes through a
 * command (the operations below), is undoable, and is saved to the draft
 * at once. Page and panels read the state and call the operations; they
 * never change `document` themselves.
 */
export const useEditorStore = defineStore('editor', () => {
  /** The document; replaced by a new object on every change. */
  const document = shallowRef<WorkflowDocument>(blankDocument())
  const selection = shallowRef<Selection>(EMPTY_SELECTION)
  /** Null for a workflow the server does not have yet. */
  const workflowId = ref<string | null>(null)
  /** The published version the draft started from; null if none. */
  const baseVersion = ref<number | null>(null)
  /** Key of this document's draft in IndexedDB (see drafts.ts). */
  const draftKey = ref<string | null>(null)
  /** Installed configurations; null until the page has loaded them. */
  const configurations = shallowRef<ConfigurationIds | null>(null)
  /** When the last change was written to the local draft. */
  const savedAt = ref<string | null>(null)
  /** Why the last draft write failed (private mode, disk full), or null. */
  const saveError = ref<unknown>(null)
  /**
   * Another tab saved this same draft since this one opened it. Saving
   * here stops, so neither tab silently overwrites the other's work.
   */
  const changedElsewhere = ref(false)
  const tabs = watchOtherTabs((key) => {
    if (key === draftKey.value) changedElsewhere.value = true
  })
  onScopeDispose(() => tabs.close())

  // The document as last validated: moves do not change the problems,
  // and validating a big workflow on every frame of a drag would stutter.
  const checked = shallowRef<WorkflowDocument>(document.value)
  const history = createHistory()
  // Time of the last change; null while the document is as opened, so
  // opening a workflow writes no draft.
  let changedAt: string | null = null

  const report = computed(() =>
    reportProblems(
      checked.value,
      configurations.value ? { configurations: configurations.value } : {},
    ),
  )
  /** Every problem of the document, as the server would list them. */
  const problems = computed(() => report.value.all)
  /** Problems by step id, to mark the steps on the canvas. */
  const problemsByNode = computed(() => report.value.byNode)
  /** Problems of no one step: no trigger, no title. */
  const generalProblems = computed(() => report.value.general)
  /** Publishing is refused while the document has problems. */
  const canPublish = computed(() => problems.value.length === 0)

  const autosave = createAutosave({
    save: writeDraft,
    onError: (error) => (saveError.value = error),
    target:
      typeof window === 'undefined'
        ? undefined
        : { window, document: window.document },
  })
  onScopeDispose(() => autosave.dispose())

  async function writeDraft(): Promise<void> {
    const key = draftKey.value
    if (!key || !changedAt || changedElsewhere.value) return
    const updatedAt = changedAt
    await saveDraft(currentDraft(key, updatedAt))
    tabs.announce(key)
    savedAt.value = updatedAt
    saveError.value = null
  }

  function currentDraft(key: string, updatedAt: string): Draft {
    return {
      key,
      workflowId: workflowId.value,
      title: document.value.title,
      baseVersion: baseVersion.value,
      document: document.value,
      updatedAt,
    }
  }

  function changed(next: WorkflowDocument, by: Command): void {
    document.value = next
    if (!by.layoutOnly) checked.value = next
    changedAt = new Date().toISOString()
    autosave.schedule()
  }

  /** Applies a command and records it for undo. Prefer the operations. */
  function execute(command: Command): void {
    changed(command.apply(document.value), command)
    history.record(command)
  }

  function undo(): boolean {
    const command = history.takeUndo()
    if (!command) return false
    changed(command.revert(document.value), command)
    pruneSelection()
    return true
  }

  function redo(): boolean {
    const command = history.takeRedo()
    if (!command) return false
    changed(command.apply(document.value), command)
    pruneSelection()
    return true
  }

  // --- Selection ----------------------------------------------------------

  /** Sets the lists given; the others stay as they are. */
  function select(next: Partial<Selection>): void {
    selection.value = { ...selection.value, ...next }
  }

  function clearSelection(): void {
    selection.value = EMPTY_SELECTION
  }

  function selectAll(): void {
    const doc = document.value
    selection.value = {
      nodes: doc.nodes.map((node) => node.id),
      edges: [],
      notes: doc.notes.map((note) => note.id),
    }
  }

  /** Drops ids an undo or redo took away. */
  function pruneSelection(): void {
    const doc = document.value
    const nodes = new Set(doc.nodes.map((node) => node.id))
    const notes = new Set(doc.notes.map((note) => note.id))
    const edges = new Set(doc.edges.map(edgeId))
    const { nodes: n, edges: e, notes: s } = selection.value
    selection.value = {
      nodes: n.filter((id) => nodes.has(id)),
      edges: e.filter((id) => edges.has(id)),
      notes: s.filter((id) => notes.has(id)),
    }
  }

  // --- Configurations -----------------------------------------------------

  /** Sets the installed configurations, from `GET /api/apps`. */
  function setConfigurations(
    value: ConfigurationIds | readonly InstalledApp[],
  ): void {
    configurations.value =
      value instanceof Map
        ? value
        : configurationIdsOf(value as readonly InstalledApp[])
  }

  const operations = createOperations({
    document: () => document.value,
    selection: () => selection.value,
    execute,
    select,
    defaultConfiguration: (app) =>
      [...(configurations.value?.get(app) ?? [])][0] ?? '',
  })

  // --- Opening and drafts -------------------------------------------------

  function load(doc: WorkflowDocument, meta: Omit<Draft, 'document'>) {
    document.value = doc
    checked.value = doc
    draftKey.value = meta.key
    workflowId.value = meta.workflowId
    baseVersion.value = meta.baseVersion
    selection.value = EMPTY_SELECTION
    savedAt.value = null
    saveError.value = null
    changedElsewhere.value = false
    changedAt = null
    history.clear()
  }

  /**
   * Opens a workflow of the server. This browser's draft of it wins when
   * it is newer than the server's draft; offline, the draft opens alone.
   * Throws the API error when there is neither (404, no network).
   */
  async function open(
    id: string,
    options: { signal?: AbortSignal } = {},
  ): Promise<OpenResult> {
    await autosave.flush()
    const key = workflowDraftKey(id)
    const [local, answer] = await Promise.all([
      loadDraft(key).catch(() => undefined),
      api.workflow(id, options.signal).then(
        (detail) => ({ detail }),
        (error: unknown) => ({ error }),
      ),
    ])
    // A newer open (the user went on to another workflow) wins.
    options.signal?.throwIfAborted()
    if ('error' in answer) {
      const { error } = answer
      const offline =
        error instanceof ApiRequestError && error.code === NETWORK_ERROR
      if (!offline || !local) throw error
      load(editable(local.document), local)
      return { source: 'draft', offline: true }
    }
    const server = answer.detail
    if (local && Date.parse(local.updatedAt) > Date.parse(server.updatedAt)) {
      load(editable(local.document), local)
      return { source: 'draft', offline: false }
    }
    load(editable(server.document), {
      key,
      workflowId: id,
      title: server.title,
      baseVersion: server.publishedVersion,
      updatedAt: server.updatedAt,
    })
    return { source: 'server', offline: false, olderDraft: local }
  }

  /** Opens a local draft by key (from `listDrafts`); false if it is gone. */
  async function openDraft(key: string): Promise<boolean> {
    await autosave.flush()
    const draft = await loadDraft(key)
    if (!draft) return false
    load(editable(draft.document), draft)
    return true
  }

  /**
   * Starts a workflow the server does not have yet: a blank one, or the
   * document given (a template, an import). Answers the draft key.
   */
  async function openNew(doc: WorkflowDocument = blankDocument()) {
    await autosave.flush()
    const key = newDraftKey()
    load(doc, {
      key,
      workflowId: null,
      title: doc.title,
      baseVersion: null,
      updatedAt: new Date().toISOString(),
    })
    return key
  }

  /** Resolves once every change so far is in IndexedDB. */
  function flushDraft(): Promise<void> {
    return autosave.flush()
  }

  /**
   * The server created the workflow (publishing a new one): its draft
   * moves from `new:<uuid>` to `wf:<id>`, so a retry does not create it
   * twice.
   */
  async function attachWorkflow(id: string): Promise<void> {
    await autosave.flush()
    const from = draftKey.value
    workflowId.value = id
    draftKey.value = workflowDraftKey(id)
    if (from && changedAt) {
      await renameDraft(from, currentDraft(draftKey.value, changedAt))
    } else if (from) {
      await deleteDraft(from)
    }
  }

  /**
   * `published` was published as `version`. The draft is deleted unless
   * the user changed the document while the request ran.
   */
  async function markPublished(
    published: WorkflowDocument,
    version: number,
  ): Promise<void> {
    baseVersion.value = version
    await autosave.flush()
    const key = draftKey.value
    if (!key) return
    if (document.value === published) {
      changedAt = null
      await deleteDraft(key)
    } else if (changedAt) {
      await saveDraft(currentDraft(key, changedAt))
    }
  }

  return {
    document,
    selection,
    workflowId,
    baseVersion,
    draftKey,
    configurations,
    savedAt,
    saveError,
    changedElsewhere,
    problems,
    problemsByNode,
    generalProblems,
    canPublish,
    canUndo: history.canUndo,
    canRedo: history.canRedo,
    undoLabel: history.undoLabel,
    redoLabel: history.redoLabel,
    execute,
    undo,
    redo,
    /** Ends an undo step: the next change is not merged into it. */
    sealUndoStep: history.seal,
    select,
    clearSelection,
    selectAll,
    setConfigurations,
    open,
    openDraft,
    openNew,
    flushDraft,
    attachWorkflow,
    markPublished,
    ...operations,
  }
})

export type EditorStore = ReturnType<typeof useEditorStore>

/** The configuration ids of `GET /api/apps`' items, by app. */
export function configurationIdsOf(
  apps: readonly InstalledApp[],
): ConfigurationIds {
  return new Map(
    apps.map((app) => [app.id, new Set(app.configurations.map((c) => c.id))]),
  )
}

/** A stored document, made safe to edit; as stored if it cannot be. */
function editable(doc: WorkflowDocument): WorkflowDocument {
  const result = toEditableDocument(doc)
  return result.ok ? result.document : doc
}
