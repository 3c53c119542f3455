import { startSandbox, type Exchange } from '../../sandbox/server'
import { graphContractProblems } from './graph-contract'

/**
 * Worker tests call the sandbox tenants over real HTTP, as in production.
 * It listens on a free port, so several test runs can share a machine.
 * Every Graph call the connectors made is then checked against
 * Microsoft's API description; a mismatch fails the run.
 */
export default async function setup() {
  const exchanges: Exchange[] = []
  const sandbox = await startSandbox({
    port: 0,
    onExchange: (exchange) => exchanges.push(exchange),
  })
  process.env.SWITCHBOARD_TEST_SANDBOX_URL = sandbox.url
  return async () => {
    await sandbox.close()
    const problems = graphContractProblems(exchanges)
    if (problems.length > 0) {
      throw new Error(
        `Graph calls that break the contract:\n${problems.join('\n')}`,
      )
    }
  }
}
