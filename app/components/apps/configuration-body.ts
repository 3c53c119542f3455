import type { ConfigurationBody } from '../../api/client'
import type { FieldSpec } from '../../../shared/catalog/types'

/** What the configuration form holds while someone types. */
export interface ConfigurationDraft {
  id: string
  name: string
  /** By field name, for every field that is not a secret. */
  settings: Record<string, string>
  /** By field name; always starts empty, a stored secret is never read. */
  secrets: Record<string, string>
  /** Secrets to delete on save ("Remove" ticked). */
  remove: Record<string, boolean>
}

export function emptyDraft(
  fields: readonly FieldSpec[],
  stored?: { id: string; name: string; settings: Record<string, string> },
): ConfigurationDraft {
  const settings: Record<string, string> = {}
  const secrets: Record<string, string> = {}
  const remove: Record<string, boolean> = {}
  for (const field of fields) {
    if (field.secret) {
      secrets[field.name] = ''
      remove[field.name] = false
    } else {
      settings[field.name] = stored?.settings[field.name] ?? ''
    }
  }
  return {
    id: stored?.id ?? '',
    name: stored?.name ?? '',
    settings,
    secrets,
    remove,
  }
}

/**
 * The POST (create) or PUT (edit) body. On edit an empty secret is left
 * out so the stored one is kept, and an emptied setting is sent as null
 * so the server removes it and its default applies again.
 */
export function configurationBody(
  fields: readonly FieldSpec[],
  draft: ConfigurationDraft,
  mode: 'create' | 'edit',
): ConfigurationBody {
  const settings: Record<string, string | null> = {}
  const secrets: Record<string, string | null> = {}
  for (const field of fields) {
    if (field.secret) {
      const value = draft.secrets[field.name] ?? ''
      if (mode === 'edit' && draft.remove[field.name]) {
        secrets[field.name] = null
      } else if (value !== '') {
        secrets[field.name] = value
      }
      continue
    }
    const value = (draft.settings[field.name] ?? '').trim()
    if (value !== '') settings[field.name] = value
    else if (mode === 'edit') settings[field.name] = null
  }
  const body: ConfigurationBody = {
    name: draft.name.trim(),
    settings,
    secrets,
  }
  const id = draft.id.trim()
  // The id cannot change on edit; on create, left empty, the server
  // makes one from the name.
  if (mode === 'create' && id !== '') body.id = id
  return body
}
