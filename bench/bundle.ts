import { readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { mkdtemp, rm } from 'node:fs/promises'
import { build } from 'vite'

interface ManifestChunk {
  file: string
  src?: string
  isEntry?: boolean
  imports?: string[]
}

export interface RouteWeight {
  /** Gzip bytes of the entry and every chunk it imports statically. */
  entryGzip: number
  /** Plus the route's own chunk and its static imports. */
  routeGzip: number
  files: string[]
}

/**
 * Builds the SPA with a manifest and weighs the JavaScript a first visit
 * of a route downloads: the entry, the route's chunk, and what both
 * import statically (lazy chunks are left out).
 */
export async function weighRoute(routeSource: string): Promise<RouteWeight> {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'switchboard-bundle-'))
  try {
    await build({
      configFile: path.resolve(import.meta.dirname, '../vite.config.ts'),
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true, manifest: true },
    })
    const manifest = JSON.parse(
      await readFile(path.join(outDir, '.vite/manifest.json'), 'utf8'),
    ) as Record<string, ManifestChunk>
    const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry)
    const routeKey = Object.keys(manifest).find(
      (k) => manifest[k]!.src === routeSource,
    )
    if (!entryKey || !routeKey) {
      throw new Error(`no entry or no chunk for ${routeSource}`)
    }
    const closure = (start: string, seen: Set<string>) => {
      const stack = [start]
      while (stack.length > 0) {
        const key = stack.pop()!
        if (seen.has(key)) continue
        seen.add(key)
        stack.push(...(manifest[key]!.imports ?? []))
      }
      return seen
    }
    const gzipOf = async (keys: Set<string>) => {
      let total = 0
      for (const key of keys) {
        const file = path.join(outDir, manifest[key]!.file)
        total += gzipSync(await readFile(file)).length
      }
      return total
    }
    const entry = closure(entryKey, new Set())
    const route = closure(routeKey, new Set(entry))
    return {
      entryGzip: await gzipOf(entry),
      routeGzip: await gzipOf(route),
      files: [...route].map((key) => manifest[key]!.file),
    }
  } finally {
    await rm(outDir, { recursive: true, force: true })
  }
}
