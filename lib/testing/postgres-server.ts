import { execFile, execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";

/*
 * A throw-away PostgreSQL server for tests and benchmarks: its own data directory in a temp
 * folder, a free loopback port, no durability (fsync and synchronous commit off; never quote its
 * figures as durable ones), stopped with `immediate` and deleted afterwards. PostgreSQL refuses to
 * run as root, so under root the server belongs to the `postgres` OS user.
 */

const run = promisify(execFile);
const POSTGRES_ROOT = "/usr/lib/postgresql";
const MIN_VERSION = 15;
const INSTALL_HINT =
  `PostgreSQL ${MIN_VERSION} or newer is needed for the PostgreSQL tests, with initdb and pg_ctl under ${POSTGRES_ROOT}/<version>/bin: ` +
  "install Debian's package with `sudo apt-get install -y postgresql` (or run the tests as root, which installs it).";

export type PostgresServer = { url: string; dir: string; stop(): Promise<void> };

/** `durable`: fsync and synchronous commit as in production, for benchmarks that count commits. */
export async function startPostgres({ durable = false }: { durable?: boolean } = {}): Promise<PostgresServer> {
  const bin = await postgresBinaries();
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), "switchboard-pg-"));
  if (asRoot) {
    const [uid, gid] = await Promise.all([idOf("-u"), idOf("-g")]);
    chownSync(dir, uid, gid);
  }
  const exec = (tool: string, args: string[]) =>
    asRoot ? run("runuser", ["-u", "postgres", "--", join(bin, tool), ...args], { cwd: dir }) : run(join(bin, tool), args, { cwd: dir });

  try {
    // C collation compares bytes, as SQLite's default BINARY collation does, so both engines sort text alike.
    await exec("initdb", ["-D", dir, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"]);
    const port = await startOnFreePort(exec, dir, durable);
    const stop = once(async () => {
      running.delete(dir);
      await exec("pg_ctl", ["-D", dir, "-m", "immediate", "stop"]).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    });
    running.set(dir, () => stopNow(asRoot, bin, dir));
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, dir, stop };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * A new, empty database on the same server, copied from `template` (default `template1`):
 * a migrated template makes each further database cost one file copy instead of a migration.
 * The template must have no open connections. Returns the new database's URL.
 */
export async function createDatabase(url: string, name: string, { template = "template1" }: { template?: string } = {}): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)} TEMPLATE ${client.escapeIdentifier(template)}`);
  } finally {
    await client.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

/** The newest installed PostgreSQL ≥ 15; installed with apt when missing and this process is root. */
async function postgresBinaries(): Promise<string> {
  const found = newestInstalled();
  if (found) return found;
  if (process.getuid?.() !== 0) throw new Error(INSTALL_HINT);
  await run("sh", ["-c", "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql"], {
    maxBuffer: 64 * 1024 * 1024,
  }).catch((error: Error & { stderr?: string }) => {
    throw new Error(`${INSTALL_HINT}\napt-get failed: ${error.stderr ?? error.message}`);
  });
  const installed = newestInstalled();
  if (!installed) throw new Error(INSTALL_HINT);
  return installed;
}

function newestInstalled(): string | undefined {
  if (!existsSync(POSTGRES_ROOT)) return undefined;
  const versions = readdirSync(POSTGRES_ROOT)
    .map(Number)
    .filter((v) => Number.isInteger(v) && v >= MIN_VERSION)
    .filter(
      (v) => existsSync(join(POSTGRES_ROOT, String(v), "bin", "initdb")) && existsSync(join(POSTGRES_ROOT, String(v), "bin", "pg_ctl")),
    )
    .sort((a, b) => b - a);
  return versions.length ? join(POSTGRES_ROOT, String(versions[0]), "bin") : undefined;
}

async function idOf(flag: "-u" | "-g"): Promise<number> {
  const { stdout } = await run("id", [flag, "postgres"]).catch(() => {
    throw new Error("PostgreSQL is installed but there is no `postgres` OS user to run it as (root may not run the server).");
  });
  return Number(stdout.trim());
}

type Exec = (tool: string, args: string[]) => Promise<unknown>;

/** The port the OS handed out may be taken again before the server binds it: try a few. */
async function startOnFreePort(exec: Exec, dir: string, durable: boolean): Promise<number> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const speed = durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1${speed}`;
    try {
      // -l: the server's output goes to a file, or pg_ctl would hold our pipes open for the server's life
      await exec("pg_ctl", ["-D", dir, "-o", options, "-l", join(dir, "server.log"), "-w", "-t", "60", "start"]);
      return port;
    } catch (error) {
      lastError = error;
    }
  }
  throw new Error(`PostgreSQL did not start in ${dir}: ${String((lastError as { stderr?: string }).stderr ?? lastError)}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}

// A test that crashes or forgets stop() must not leave a server behind: stop what is left on exit.
const running = new Map<string, () => void>();
process.once("exit", () => {
  for (const stop of running.values()) stop();
});

function stopNow(asRoot: boolean, bin: string, dir: string): void {
  const args = ["-D", dir, "-m", "immediate", "stop"];
  try {
    if (asRoot) execFileSync("runuser", ["-u", "postgres", "--", join(bin, "pg_ctl"), ...args], { stdio: "ignore" });
    else execFileSync(join(bin, "pg_ctl"), args, { stdio: "ignore" });
  } catch {
    // already stopped
  }
  rmSync(dir, { recursive: true, force: true });
}
