import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { expect, test } from "@playwright/test";

/*
 * `npm run email:dev` (React Email's preview server) starts, lists every
 * template and preview variant, and renders each of them without a rendering
 * error (docs/product R29). It runs the real CLI on a free port, the way a
 * designer would, and stops it after.
 *
 * It lives in the e2e tier because it is slow for a unit test: every page
 * costs the server about 0.7 s of CPU (an esbuild bundle, then three renders,
 * two through prettier), and starting it takes a few seconds more. Pages are
 * fetched one at a time, since on two cores concurrent pages only contend for
 * the same CPU. It needs no browser and no app server.
 */

const root = join(process.cwd(), "emails");
const tsx = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".tsx"));
const templates = tsx(root).map((f) => f.replace(/\.tsx$/, ""));
const variants = tsx(join(root, "variants")).map((f) => `variants/${f.replace(/\.tsx$/, "")}`);
const pages = [...templates, ...variants];

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
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
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`email dev did not answer within the time limit:\n${output}`);
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(60_000);
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
  await waitUntilUp(Date.now() + 45_000);
});

test.afterAll(() => {
  if (child?.pid && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
});

/** A preview page that rendered its email: the markup is there and no error panel is. */
async function expectRendered(path: string): Promise<string> {
  const res = await fetch(`${base}/preview/${path}`, { signal: AbortSignal.timeout(30_000) });
  const page = await res.text();
  expect(res.status, path).toBe(200);
  expect(page, `${path}: rendering error`).not.toMatch(/serverRenderingResult\\?":\{\\?"error|<b>Error<\/b>/);
  expect(page, `${path}: rendered email`).toContain("Sent by Switchboard for Acme Dialers.");
  return page;
}

test("npm run email:dev lists every template on its index page", async () => {
  const res = await fetch(base);
  const index = await res.text();
  expect(res.status).toBe(200);
  for (const page of templates) expect(index).toContain(`href="/preview/${page}"`);
});

test("npm run email:dev renders every template and variant without an error, and a variant's page lists them all", async () => {
  test.setTimeout(150_000);
  expect(pages.length).toBeGreaterThanOrEqual(21);
  let variantPage = "";
  for (const path of pages) {
    const page = await expectRendered(path);
    if (path === variants[0]) variantPage = page;
  }
  for (const page of pages) expect(variantPage, "the open folder's list").toContain(`href="/preview/${page}"`);
});

test("npm run email:dev answers an unknown template without rendering one", async () => {
  const res = await fetch(`${base}/preview/no-such-email`, { redirect: "manual" });
  expect(res.status).not.toBe(200);
});
