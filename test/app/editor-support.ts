import 'fake-indexeddb/auto'
import { createPinia, setActivePinia } from 'pinia'
import { vi, type Mock } from 'vitest'
import type { WorkflowDetail } from '../../shared/api'
import { employeeOnboarding } from '../../shared/templates/employee-onboarding'
import { WorkflowDocument } from '../../shared/workflow/schema'
import { closeDrafts, deleteDraft, listDrafts } from '../../app/editor/drafts'
import { useEditorStore } from '../../app/editor/store'

/** The onboarding template with its defaults filled, as the API sends it. */
export function onboarding(): WorkflowDocument {
  return WorkflowDocument.parse(structuredClone(employeeOnboarding))
}

/** What `GET /api/apps` says is installed. */
export const CONFIGURATIONS = new Map([
  ['azure_ad', new Set(['sandbox', 'production'])],
  ['service_desk', new Set(['sandbox'])],
])

/** A new Pinia, so a new store: what a page reload gives. */
export function freshStore() {
  setActivePinia(createPinia())
  const store = useEditorStore()
  store.setConfigurations(CONFIGURATIONS)
  return store
}

/** A store editing the onboarding workflow as a new draft. */
export async function onboardingStore() {
  const store = freshStore()
  await store.openNew(onboarding())
  return store
}

/** Empties the drafts database between tests. */
export async function clearDrafts(): Promise<void> {
  for (const draft of await listDrafts()) await deleteDraft(draft.key)
  closeDrafts()
}

export function serverWorkflow(
  changes: Partial<WorkflowDetail> = {},
): WorkflowDetail {
  const document = onboarding()
  return {
    id: 'wf_onboarding',
    title: document.title,
    description: document.description,
    publishedVersion: 3,
    hasUnpublishedChanges: false,
    createdAt: '2026-11-02T09:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    hookUrl: 'https://switchboard.example/hooks/wf_onboarding',
    document,
    ...changes,
  }
}

export interface Sent {
  method: string
  path: string
  body: unknown
}

type Route = (sent: Sent) => { status?: number; body: unknown }

/**
 * Stubs `fetch` with a handler per "METHOD /path"; every request is
 * recorded with its parsed body. Unknown routes answer 404.
 */
export function stubServer(routes: Record<string, Route>): {
  fetch: Mock
  sent: Sent[]
} {
  const sent: Sent[] = []
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://switchboard.test')
    const method = init?.method ?? 'GET'
    const body = init?.body ? JSON.parse(String(init.body)) : undefined
    const request = { method, path: url.pathname, body }
    sent.push(request)
    const reply = routes[`${method} ${url.pathname}`]?.(request) ?? {
      status: 404,
      body: { error: { code: 'not_found', message: 'Not found' } },
    }
    return new Response(JSON.stringify(reply.body), {
      status: reply.status ?? 200,
      headers: { 'content-type': 'application/json' },
    })
  })
  vi.stubGlobal('fetch', fetch)
  return { fetch, sent }
}
