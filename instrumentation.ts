/*
 * Runs once when the Next.js server starts (Node runtime only): checks
 * production secrets, migrates an empty database (seeding the demo data only
 * where allowed, docs/product R31) and starts the in-process outbox worker unless
 * WORKER=off.
 *
 * `next start` calls this at boot, but when it throws Next only logs the
 * error and keeps listening, answering 500 to every request (health too).
 * A start that cannot succeed exits instead, with one readable reason, so a
 * supervisor restarts it and a deploy stops.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next build` loads this too; the database is a runtime concern
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  try {
    const { startServer } = await import("./lib/server-start");
    await startServer();
  } catch (error) {
    const { exitOnStartupFailure } = await import("./lib/startup/startup-error");
    exitOnStartupFailure("switchboard", error);
  }
}
