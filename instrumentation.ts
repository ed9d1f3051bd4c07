/*
 * Runs once when the Next.js server starts (Node runtime only): checks
 * production secrets, migrates and seeds an empty database (SPEC R31), and
 * starts the in-process outbox worker unless WORKER=off.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next build` loads this too; the database is a runtime concern
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startServer } = await import("./lib/server-start");
  await startServer();
}
