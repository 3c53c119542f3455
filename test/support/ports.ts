/**
 * Fixed ports of the test runs. `npm start` uses 8787 (Switchboard) and
 * 8790 (sandbox tenants); tests use their own so both can run at once.
 */
export const SANDBOX_TEST_PORT = Number(process.env.SANDBOX_TEST_PORT ?? 8791)
