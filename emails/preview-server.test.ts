import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/*
 * `npm run email:dev` (React Email's preview server) starts and shows every
 * template and preview variant without a rendering error (SPEC R29). It runs
 * the real CLI on a free port, the way a designer would, and stops it after.
 */

const root = join(process.cwd(), "emails");
const pages = [
  ...readdirSync(root).filter((f) => f.endsWith(".tsx")).map((f) => f.replace(/\.tsx$/, "")),
  ...readdirSync(join(root, "variants")).filter((f) => f.endsWith(".tsx")).map((f) => `variants/${f.replace(/\.tsx$/, "")}`),
];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

let child: ChildProcess | undefined;
let base = "";
let output = "";

async function waitUntilUp(deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (child?.exitCode !== null) throw new Error(`email dev exited (${child?.exitCode}):\n${output}`);
    try {
      const res = await fetch(base, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`email dev did not answer within the time limit:\n${output}`);
}

beforeAll(async () => {
  const port = await freePort();
  base = `http://localhost:${port}`;
  // Its own process group, so stopping it also stops the Next server it starts.
  child = spawn("npx", ["email", "dev", "--dir", "emails", "--port", String(port)], {
    cwd: process.cwd(),
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NODE_ENV: "development", NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: "0" },
  });
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  await waitUntilUp(Date.now() + 30_000);
}, 40_000);

afterAll(() => {
  if (child?.pid && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
});

/** A preview page that rendered its email: the markup is there and no error panel is. */
async function expectRendered(path: string): Promise<void> {
  const res = await fetch(`${base}/preview/${path}`, { signal: AbortSignal.timeout(30_000) });
  const page = await res.text();
  expect(res.status, path).toBe(200);
  expect(page, `${path}: rendering error`).not.toMatch(/serverRenderingResult\\?":\{\\?"error|<b>Error<\/b>/);
  expect(page, `${path}: rendered email`).toContain("Sent by Switchboard for Acme Dialers.");
}

describe("npm run email:dev", () => {
  it("lists every template on its index page", async () => {
    const res = await fetch(base);
    const index = await res.text();
    expect(res.status).toBe(200);
    for (const page of pages.filter((p) => !p.startsWith("variants/"))) expect(index).toContain(`href="/preview/${page}"`);
  });

  it("renders every template and variant without an error", async () => {
    expect(pages.length).toBeGreaterThanOrEqual(21);
    // The first page compiles the preview route; after that, a few at a time.
    await expectRendered(pages[0]);
    const rest = pages.slice(1);
    for (let i = 0; i < rest.length; i += 4) await Promise.all(rest.slice(i, i + 4).map(expectRendered));
  }, 90_000);

  it("answers an unknown template without rendering one", async () => {
    const res = await fetch(`${base}/preview/no-such-email`, { redirect: "manual" });
    expect(res.status).not.toBe(200);
  });
});
