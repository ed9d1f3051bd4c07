import { z } from "zod";
import { StartupError } from "./startup/startup-error";

/*
 * The one place configuration is read (docs/product R32). Local defaults make
 * `npm run dev` work on a fresh machine; production secrets are demanded by
 * `assertProductionSecrets()` when the server starts, not during `next build`.
 */

const DEV_APP_SECRET = "switchboard-development-secret-change-me-0123456789";
// base64 of a fixed development key; the whsec_ prefix is the Standard Webhooks form
const DEV_EVENTS_SECRET = "whsec_c3dpdGNoYm9hcmQtZGV2ZWxvcG1lbnQtZXZlbnRzLWtleQ==";

const flag = z.enum(["0", "1", "true", "false"]).transform((v) => v === "1" || v === "true");

const positiveInt = z.coerce.number().int().positive();

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1).default("./data/switchboard.db"),
  APP_URL: z.url({ protocol: /^https?$/ }).default("http://localhost:3000"),
  APP_SECRET: z.string().min(32, "APP_SECRET must be at least 32 characters").optional(),
  INTEGRATION_EVENTS_SECRET: z
    .string()
    .regex(/^whsec_[A-Za-z0-9+/=]+$/, "INTEGRATION_EVENTS_SECRET must look like whsec_<base64>")
    .optional(),
  NOTIFICATIONS_BCC: z.email().default("escalations@switchboard.local"),
  EMAIL_FROM: z.string().min(3).default("Switchboard <notifications@switchboard.local>"),
  RESEND_API_KEY: z.string().min(1).optional(),
  RESEND_BASE_URL: z.url().optional(),
  RESEND_WEBHOOK_SECRET: z.string().min(1).optional(),
  WORKER: z.enum(["inline", "off"]).default("inline"),
  // reverse proxies in front of the server that append X-Forwarded-For; 0 = clients connect directly
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  OAUTH_SANDBOX: flag.optional(),
  // the published demo company and users (docs/product R33) on an empty database; never by default in production
  SEED_DEMO: flag.optional(),
  // CRM OAuth apps (docs/product R35); a provider with neither set uses the sandbox where allowed (R36)
  HUBSPOT_CLIENT_ID: z.string().min(1).optional(),
  HUBSPOT_CLIENT_SECRET: z.string().min(1).optional(),
  SALESFORCE_CLIENT_ID: z.string().min(1).optional(),
  SALESFORCE_CLIENT_SECRET: z.string().min(1).optional(),
  ZOHO_CLIENT_ID: z.string().min(1).optional(),
  ZOHO_CLIENT_SECRET: z.string().min(1).optional(),
  // provider OAuth hosts, overridable (tests, proxies); Salesforce's is the login host
  HUBSPOT_OAUTH_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  SALESFORCE_OAUTH_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  ZOHO_OAUTH_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  // delivery tuning (docs/product R24); tests shorten these
  DELIVERY_MAX_ATTEMPTS: positiveInt.default(8),
  DELIVERY_BACKOFF_BASE_MS: positiveInt.default(30_000),
  DELIVERY_BACKOFF_CAP_MS: positiveInt.default(10 * 60_000),
  DELIVERY_GIVE_UP_AFTER_MS: positiveInt.default(24 * 60 * 60_000),
  DELIVERY_TIMEOUT_MS: positiveInt.default(15_000),
  // the whole body of an event or webhook POST must arrive within this; tests shorten it
  REQUEST_BODY_TIMEOUT_MS: positiveInt.default(10_000),
  // /api/health writes to the database at most this often and repeats its last answer in between
  HEALTH_PROBE_INTERVAL_MS: positiveInt.default(5_000),
  // sends per second at most, process-wide; lowered to the provider's advertised limit when it sends one
  RESEND_RATE_LIMIT_PER_SEC: z.coerce.number().positive().default(10),
  // test-only surface (the reset route); the test runner sets it, a deployment never does
  TEST_MODE: flag.default(false),
  // `npm run bench:ingest` only: exposes the no-op baseline route POST /api/bench/noop
  BENCH_BASELINE_ROUTE: flag.default(false),
});

export type Env = z.infer<typeof schema> & {
  APP_SECRET: string;
  INTEGRATION_EVENTS_SECRET: string;
  oauthSandboxAllowed: boolean;
  /** Seed the demo data when the database has no company: outside production, or SEED_DEMO=1. */
  seedDemoAllowed: boolean;
};

function parse(): Env {
  // an empty variable means "not set" (e.g. RESEND_API_KEY= to force the local mailbox)
  const raw = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== ""));
  const result = schema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new StartupError(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  const e = result.data;
  return {
    ...e,
    APP_URL: e.APP_URL.replace(/\/+$/, ""),
    APP_SECRET: e.APP_SECRET ?? DEV_APP_SECRET,
    INTEGRATION_EVENTS_SECRET: e.INTEGRATION_EVENTS_SECRET ?? DEV_EVENTS_SECRET,
    oauthSandboxAllowed: e.OAUTH_SANDBOX ?? e.NODE_ENV !== "production",
    seedDemoAllowed: e.SEED_DEMO ?? e.NODE_ENV !== "production",
  };
}

export const env: Env = parse();

/** Called when a server or worker starts: production refuses development secrets. */
export function assertProductionSecrets(raw: NodeJS.ProcessEnv = process.env): void {
  if (raw.NODE_ENV !== "production") return;
  const missing = ["APP_SECRET", "INTEGRATION_EVENTS_SECRET"].filter((k) => !raw[k]);
  if (missing.length > 0) {
    throw new StartupError(
      `Missing required production settings: ${missing.join(", ")}. ` + "Set them in the environment (see README › Environment).",
    );
  }
}

export const usingDevelopmentEventsSecret = (raw: NodeJS.ProcessEnv = process.env) => !raw.INTEGRATION_EVENTS_SECRET;
