import { spawn } from "node:child_process";
import { BENCH_APP_SECRET, BENCH_EVENTS_SECRET } from "./server";

/*
 * `npm run worker` processes beside a bench server started with WORKER=off: the layout of a
 * deployment that scales its senders out (README "Running on PostgreSQL and scaling out").
 */

export type BenchWorkers = { stop: () => Promise<void> };

export async function startWorkers(
  count: number,
  { databaseUrl, env, nodeOptions }: { databaseUrl: string; env: Record<string, string>; nodeOptions?: string },
) {
  const nodeFlags = nodeOptions ? nodeOptions.split(/\s+/).filter(Boolean) : [];
  const children = Array.from({ length: count }, () =>
    spawn(process.execPath, [...nodeFlags, "--import", "tsx", "lib/worker-main.ts"], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: databaseUrl,
        APP_SECRET: BENCH_APP_SECRET,
        INTEGRATION_EVENTS_SECRET: BENCH_EVENTS_SECRET,
        TEST_MODE: "0",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve, reject) => {
          let log = "";
          const onData = (d: Buffer) => {
            log += d;
            if (log.includes("delivering from")) resolve();
          };
          child.stdout.on("data", onData);
          child.stderr.on("data", onData);
          child.once("exit", (code) => reject(new Error(`a worker exited (${code}) before it started:\n${log}`)));
        }),
    ),
  );
  return {
    async stop() {
      await Promise.all(
        children.map((child) => {
          if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
          const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
          child.kill("SIGTERM");
          return exited;
        }),
      );
    },
  } satisfies BenchWorkers;
}
