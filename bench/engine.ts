import { performance } from 'node:perf_hooks'
import { compileWorkflow } from '../worker/engine/compile'
import { runSteps } from '../worker/engine/run-steps'
import { noOpChain } from './workflows'

export interface EngineFigures {
  /** Median time of one job through the engine loop, by chain length. */
  jobMicros: Map<number, number>
  /** Added cost of one more step, from the longest and shortest chain. */
  perNodeMicros: number
}

/**
 * The engine's own loop, without storage or network: resolve, evaluate,
 * record. It is the floor under every job's per-step cost.
 */
export async function benchEngine(
  lengths = [1, 101, 801],
): Promise<EngineFigures> {
  const jobMicros = new Map<number, number>()
  for (const length of lengths) {
    const workflow = compileWorkflow('bench', 1, noOpChain(length))
    const runs = Math.max(20, Math.round(20_000 / length))
    const samples: number[] = []
    for (let i = 0; i < runs; i++) {
      const start = performance.now()
      await runSteps({
        workflow,
        trigger: { ticket: { id: i } },
        done: [],
        runApp: () => Promise.reject(new Error('no app steps here')),
        save: async () => {},
        onInternalError: (error) => {
          throw error
        },
      })
      samples.push((performance.now() - start) * 1000)
    }
    jobMicros.set(length, median(samples))
  }
  const shortest = Math.min(...lengths)
  const longest = Math.max(...lengths)
  const perNodeMicros =
    (jobMicros.get(longest)! - jobMicros.get(shortest)!) / (longest - shortest)
  return { jobMicros, perNodeMicros }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!
}
