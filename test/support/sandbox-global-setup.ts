import { startSandbox } from '../../sandbox/server'

/**
 * Worker tests call the sandbox tenants over real HTTP, as in production.
 * It listens on a free port, so several test runs can share a machine.
 */
export default async function setup() {
  const sandbox = await startSandbox({ port: 0 })
  process.env.SWITCHBOARD_TEST_SANDBOX_URL = sandbox.url
  return () => sandbox.close()
}
