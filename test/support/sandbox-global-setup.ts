import { startSandbox } from '../../sandbox/server'
import { SANDBOX_TEST_PORT } from './ports'

/** Worker tests call the sandbox tenants over real HTTP, as in production. */
export default async function setup() {
  const sandbox = await startSandbox({ port: SANDBOX_TEST_PORT })
  return () => sandbox.close()
}
