import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { api, type InstalledApp } from '../api/client'

/**
 * The installed apps and the names of their configurations, which
 * workflow documents refer to by id. Fetched once while the SPA is open:
 * they change only when an admin installs or renames something.
 */
export const useAppsStore = defineStore('apps', () => {
  const items = shallowRef<InstalledApp[]>([])
  const loaded = ref(false)
  let pending: Promise<void> | null = null

  function load(): Promise<void> {
    if (loaded.value) return Promise.resolve()
    pending ??= api
      .apps()
      .then((page) => {
        items.value = page.items
        loaded.value = true
      })
      // Without names the ids are shown, which is still right, so a
      // failure is not shown; the next page that needs names tries again.
      .catch(() => {})
      .finally(() => {
        pending = null
      })
    return pending
  }

  /** The configuration's name, or its id while unknown. */
  function configurationName(appId: string, configurationId: string) {
    const app = items.value.find(({ id }) => id === appId)
    const found = app?.configurations.find(({ id }) => id === configurationId)
    return found?.name ?? configurationId
  }

  return { items, loaded, load, configurationName }
})
