import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { vi, type Mock } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import App from '../../app/App.vue'
import { createAppRouter } from '../../app/router'

export type Reply = { status?: number; body: unknown }
export type Handler = (url: URL) => Reply | undefined

/**
 * Stubs `fetch` with a handler per path. Every request is recorded, so a
 * test can read the query a page sent; an unknown path answers 404 in the
 * API's error shape.
 */
export function stubApi(handlers: Record<string, Handler>): Mock {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://switchboard.test')
    const reply = handlers[url.pathname]?.(url) ?? {
      status: 404,
      body: { error: { code: 'not_found', message: 'Not found' } },
    }
    return new Response(JSON.stringify(reply.body), {
      status: reply.status ?? 200,
      headers: { 'content-type': 'application/json' },
    })
  })
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

/** The URLs fetched so far, parsed. */
export function requestedUrls(fetchMock: Mock): URL[] {
  return fetchMock.mock.calls.map(
    ([input]) => new URL(String(input), 'http://switchboard.test'),
  )
}

/** Mounts the whole app at `path`, as a user landing on that link. */
export async function mountAt(path: string) {
  const router = createAppRouter(createMemoryHistory())
  await router.push(path)
  await router.isReady()
  const wrapper = mount(App, {
    global: { plugins: [router, createPinia()] },
  })
  await flushPromises()
  return { wrapper, router }
}
