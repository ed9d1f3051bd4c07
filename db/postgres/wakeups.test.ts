import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startPostgres, type PostgresServer } from "@/lib/testing/postgres-server";
import { listenForWakeups, WAKE_CHANNEL } from "./wakeups";

/* Workers wake on NOTIFY from any process, and keep listening across a lost connection. */
let server: PostgresServer;
beforeAll(async () => {
  server = await startPostgres();
});
afterAll(() => server?.stop());

const notify = async () => {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  await client.query(`select pg_notify('${WAKE_CHANNEL}', '')`);
  await client.end();
};

describe("listenForWakeups", () => {
  it("wakes on every notification from another connection, once listening, and stops cleanly", async () => {
    const onWake = vi.fn();
    const listener = listenForWakeups(server.url, onWake);
    await vi.waitFor(() => expect(onWake).toHaveBeenCalledTimes(1)); // the catch-up wake when it starts listening
    await notify();
    await vi.waitFor(() => expect(onWake).toHaveBeenCalledTimes(2));
    await listener.stop();
    // a second listener hears the next notification; by then a listener still running would have too
    const other = vi.fn();
    const witness = listenForWakeups(server.url, other);
    await vi.waitFor(() => expect(other).toHaveBeenCalledTimes(1));
    await notify();
    await vi.waitFor(() => expect(other).toHaveBeenCalledTimes(2));
    expect(onWake).toHaveBeenCalledTimes(2);
    await witness.stop();
  });

  it("listens again after its connection is terminated", async () => {
    const onWake = vi.fn();
    const log = vi.fn();
    const listener = listenForWakeups(server.url, onWake, log);
    await vi.waitFor(() => expect(onWake).toHaveBeenCalledTimes(1));
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where query like 'LISTEN%' and pid <> pg_backend_pid()`);
    await admin.end();
    await vi.waitFor(() => expect(onWake).toHaveBeenCalledTimes(2), { timeout: 5_000 }); // reconnected: catch-up wake
    await notify();
    await vi.waitFor(() => expect(onWake).toHaveBeenCalledTimes(3));
    await listener.stop();
  });
});
