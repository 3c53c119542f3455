// `npm run sandbox`: the simulated vendor tenants as a standalone server.
import { startSandbox } from './server'

const DEFAULT_PORT = 8790

function portFromEnv(): number {
  const raw = process.env.SANDBOX_PORT
  if (raw === undefined || raw === '') return DEFAULT_PORT
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`SANDBOX_PORT must be a port number, got '${raw}'`)
  }
  return port
}

const sandbox = await startSandbox({ port: portFromEnv() })
console.log(`sandbox tenants listening on ${sandbox.url}`)

let stopping = false
async function stop(): Promise<void> {
  if (stopping) return
  stopping = true
  await sandbox.close()
  process.exit(0)
}
process.on('SIGTERM', () => void stop())
process.on('SIGINT', () => void stop())
