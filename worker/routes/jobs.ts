import { Hono } from 'hono'
import type { AppEnv } from '../app'
import { AppError, quote } from '../errors'

export const jobRoutes = new Hono<AppEnv>()

const JOB_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

jobRoutes.get('/:jobId', async (c) => {
  const jobId = c.req.param('jobId')
  const notFound = new AppError(
    'job_not_found',
    `No job with id ${quote(jobId)}`,
  )
  // Only ids this API hands out can name a job's Durable Object.
  if (!JOB_ID.test(jobId)) throw notFound
  const runner = c.env.JOBS.get(c.env.JOBS.idFromName(jobId))
  const job = await runner.snapshot()
  if (!job) throw notFound
  return c.json(job)
})
