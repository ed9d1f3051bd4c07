// Starts the production build (through server.mjs, as `npm start` does) for e2e on a fresh database file (docs/product §8),
// or on the PostgreSQL database E2E_DATABASE_URL names (scripts/with-postgres.ts makes an empty one).
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";

const port = process.env.PORT ?? "3100";
const dir = join(process.cwd(), "test-results");
mkdirSync(dir, { recursive: true });
const db = join(dir, `e2e-${port}.db`);
for (const suffix of ["", "-wal", "-shm"]) rmSync(db + suffix, { force: true });

const child = spawn(process.execPath, ["server.mjs", "--port", port, "--hostname", "127.0.0.1"], {
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: process.env.E2E_DATABASE_URL || db,
    APP_URL: `http://127.0.0.1:${port}`,
    TEST_MODE: "1",
    // a test server: the demo users (docs/product R33) on its empty database, as the reset route reseeds them
    SEED_DEMO: "1",
    WORKER: "inline",
    // the built-in OAuth sandbox (docs/product R36) for Connect / Reconnect in a production build
    OAUTH_SANDBOX: "1",
    RESEND_API_KEY: "",
    APP_SECRET: "e2e-secret-0123456789-0123456789-0123456789",
    INTEGRATION_EVENTS_SECRET: "whsec_ZTJlLWV2ZW50cy1zZWNyZXQtMDEyMzQ1Njc4OQ==",
  },
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
