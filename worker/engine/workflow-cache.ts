import { getVersion } from '../db/workflows'
import { compileWorkflow, type CompiledWorkflow } from './compile'

/** Published versions never change, so a compiled one is kept for good. */
const compiled = new Map<string, Promise<CompiledWorkflow>>()
const MAX_ENTRIES = 256

export function loadCompiled(
  db: D1Database,
  id: string,
  version: number,
): Promise<CompiledWorkflow> {
  const key = `${id}@${version}`
  let entry = compiled.get(key)
  if (!entry) {
    entry = getVersion(db, id, version).then((found) =>
      compileWorkflow(id, version, found.document),
    )
    entry.catch(() => compiled.delete(key))
    if (compiled.size >= MAX_ENTRIES) {
      compiled.delete(compiled.keys().next().value!)
    }
    compiled.set(key, entry)
  }
  return entry
}
