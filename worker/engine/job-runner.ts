import { DurableObject } from 'cloudflare:workers'
import type { Job } from '../../shared/api'
import { resolveTemplate, toText } from '../../shared/placeholders/resolve'
import type { JobStatus } from '../../shared/status'
import { loadConfiguration, type Configuration } from '../db/configurations'
import { LOG_RETENTION_DAYS } from '../db/logs'
import type { Env } from '../env'
import { log } from '../log'
import { createVault, type Vault } from '../secrets/vault'
import { flushToD1 } from './flush'
import { JobStore, type JobRecord } from './job-store'
import { runAppStep } from './run-app'
import { runSteps } from './run-steps'
import { loadCompiled } from './workflow-cache'

export interface StartJob {
  jobId: string
  workflowId: string
  version: number
  trigger: unknown
}

/** Writes to D1 at most this often while a job runs, and at its end. */
const FLUSH_INTERVAL_MS = 1000
const RETENTION_MS = LOG_RETENTION_DAYS * 86_400_000

/**
 * One Durable Object per job. It keeps the job's context (the trigger
 * payload and every step's result) in its own storage as each step
 * finishes, runs the steps from an alarm so a crash or restart resumes
 * where it stopped, and writes the execution log to D1 in batches.
 */
export class JobRunner extends DurableObject<Env> {
  readonly #store: JobStore
  readonly #vault: Vault

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env)
    this.#store = new JobStore(ctx.storage)
    this.#vault = createVault(env.SECRETS_KEY)
  }

  /** Records the job and schedules its run; a repeated start is a no-op. */
  async start(request: StartJob): Promise<void> {
    if (this.#store.job()) return
    const workflow = await loadCompiled(
      this.env.DB,
      request.workflowId,
      request.version,
    )
    const source = resolveTemplate(workflow.source, {
      trigger: request.trigger,
      steps: {},
      stepIds: workflow.stepIds,
    })
    this.#store.createJob({
      id: request.jobId,
      workflowId: workflow.id,
      version: workflow.version,
      title: workflow.title,
      source: toText(source),
      entity: workflow.entity,
      trigger: request.trigger,
      status: 'running',
      startedAt: new Date().toISOString(),
      finishedAt: null,
    })
    await this.ctx.storage.setAlarm(Date.now())
  }

  snapshot(): Job | null {
    return this.#store.snapshot()
  }

  override async alarm(): Promise<void> {
    const job = this.#store.job()
    if (!job) return
    if (job.status === 'running') {
      await this.#run(job)
      return
    }
    // A flush that failed when the job ended is retried here.
    if (job.flushedStatus !== job.status) await this.#flush()
    // The retention alarm: the logs in D1 go by the same rule.
    const expiresAt = Date.parse(job.finishedAt ?? '') + RETENTION_MS
    if (Date.now() >= expiresAt) await this.ctx.storage.deleteAll()
    else await this.ctx.storage.setAlarm(expiresAt)
  }

  async #run(job: JobRecord): Promise<void> {
    const workflow = await loadCompiled(
      this.env.DB,
      job.workflowId,
      job.version,
    )
    let lastFlush = Date.now()
    // One read per configuration and job, however many steps use it.
    const configurations = new Map<string, Promise<Configuration | null>>()
    const configuration = (app: string, id: string) => {
      const key = `${app}/${id}`
      if (!configurations.has(key)) {
        configurations.set(
          key,
          loadConfiguration(this.env.DB, this.#vault, app, id),
        )
      }
      return configurations.get(key)!
    }

    const status: JobStatus = await runSteps({
      workflow,
      trigger: job.trigger,
      done: this.#store.runs(),
      runApp: (step, context) => runAppStep(step, context, configuration),
      save: async (run) => {
        this.#store.saveRun(run)
        if (Date.now() - lastFlush >= FLUSH_INTERVAL_MS) {
          await this.#flush()
          lastFlush = Date.now()
        }
      },
      onInternalError: (error, nodeId) =>
        log.error('step crashed', { jobId: job.id, nodeId, error }),
    })
    const finishedAt = new Date().toISOString()
    this.#store.finishJob(status, finishedAt)
    await this.#flush()
    await this.ctx.storage.setAlarm(Date.parse(finishedAt) + RETENTION_MS)
  }

  async #flush(): Promise<void> {
    const job = this.#store.job()
    if (!job) return
    const runs = this.#store.runs(job.flushedSeq)
    if (runs.length === 0 && job.flushedStatus === job.status) return
    await flushToD1(this.env.DB, job, runs)
    this.#store.markFlushed(runs.at(-1)?.seq ?? job.flushedSeq, job.status)
  }
}
