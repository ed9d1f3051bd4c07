import { spawn, type ChildProcess } from "node:child_process";
import pg from "pg";
import { advanceWorkerClock } from "@/lib/worker-clock";
import { postEvent } from "../../lib/testing/events";
import type { AppServer } from "../pipeline/app-server";
import { EVENTS_SECRET } from "../pipeline/app-server";
import { WORKER_SECRET_ENV } from "./fault-config";

/*
 * The moving parts of a deployment on several machines, for the multi-node fault
 * test: `npm run worker` processes with their own test clocks, a round-robin load
 * balancer in front of the web servers, and reads with plain SQL (the test process
 * reads PostgreSQL directly, through its own connection, not through the app's data
 * layer; tenants come from lib/testing/pg-tenants.ts).
 */

export type WorkerProcess = { owner: Promise<string>; child: ChildProcess; log: () => string; kill(signal: NodeJS.Signals): Promise<void> };

/** `npm run worker` on `databaseUrl`, with TEST_MODE on and an IPC channel for its clock (lib/worker-clock.ts). */
export function startWorker(databaseUrl: string, env: Record<string, string>): WorkerProcess {
  let log = "";
  // `node --import tsx`: one process, so SIGKILL reaches the worker itself
  const child = spawn(process.execPath, ["--import", "tsx", "lib/worker-main.ts"], {
    env: {
      ...process.env,
      ...WORKER_SECRET_ENV,
      TEST_MODE: "1",
      DATABASE_URL: databaseUrl,
      INTEGRATION_EVENTS_SECRET: EVENTS_SECRET,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  const owner = new Promise<string>((resolve, reject) => {
    const onData = (d: Buffer) => {
      log += d;
      const started = /\[worker\] (\S+) delivering from/.exec(log);
      if (started) resolve(started[1]);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`the worker exited (${code}) before it started:\n${log}`)));
  });
  owner.catch(() => undefined);
  return {
    owner,
    child,
    log: () => log,
    async kill(signal) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill(signal);
      await exited;
    },
  };
}

/** Moves every live worker's clock to `target` (they all start on the wall clock and move together). */
export function clusterClock() {
  let offsetMs = 0;
  return {
    now: () => new Date(Date.now() + offsetMs),
    async moveTo(target: Date, workers: WorkerProcess[]) {
      const delta = Math.max(0, Math.ceil(target.getTime() - (Date.now() + offsetMs)));
      offsetMs += delta;
      await Promise.all(workers.map((w) => advanceWorkerClock(w.child, delta)));
    },
  };
}

export type Posted = { status: number; rerouted: boolean };

/**
 * A load balancer: event `i` goes to server `i % n`; a server that refuses the connection
 * (killed) is marked down and the request goes to the next one, as an integration worker's
 * retry through a load balancer would. No sticky routing: any server takes any event.
 */
export function roundRobin(servers: AppServer[]) {
  const down = new Set<number>();
  return async function post(i: number, id: string, body: unknown): Promise<Posted> {
    let rerouted = false;
    for (let k = 0; k < servers.length; k++) {
      const s = (i + k) % servers.length;
      if (down.has(s)) continue;
      try {
        const { status } = await postEvent(servers[s].url, { secret: EVENTS_SECRET, id, body });
        return { status, rerouted };
      } catch {
        down.add(s);
        rerouted = true;
      }
    }
    throw new Error(`no web server answered event ${id}`);
  };
}

/** `count` tenants with a company admin and HubSpot + Salesforce connected (report settings left at their defaults). */
export async function rows<T>(sql: pg.Pool, text: string, values: unknown[] = []): Promise<T[]> {
  return (await sql.query(text, values)).rows as T[];
}

export async function countOf(sql: pg.Pool, text: string, values: unknown[] = []): Promise<number> {
  const [row] = await rows<{ n: string }>(sql, text, values);
  return Number(row.n);
}
