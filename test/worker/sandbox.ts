import { env } from 'cloudflare:workers'

export const SANDBOX_URL = env.SANDBOX_URL!
