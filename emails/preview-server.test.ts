import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/*
 * `npm run email:dev` (React Email's preview server) starts, lists every
 * template and preview variant, and renders them without a rendering error
 * (docs/product R29). It runs the real CLI on a free port, the way a designer
 * would, and stops it after.
 *
 * A page costs the server about 0.7 s of CPU: it bundles the file with
 * esbuild, then renders it three times, twice through prettier. So the server
 * renders every template and one variant — what previews.test.ts cannot see
 * is React Email's own bundler and pretty-printer, and a template brings both
 * to all of its markup. A variant is a template with other props
 * (docs/conventions.md rule 5); what could break one here and not in
 * previews.test.ts is an import no template has (a module the bundler cannot
 * load outside the app, such as one marked server-only), so the last test
 * holds every variant to modules the server has already bundled for the
 * templates. A variant that needs more gets its own page in `rendered`.
 */

const root = join(process.cwd(), "emails");
const tsx = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".tsx"));
const templates = tsx(root).map((f) => f.replace(/\.tsx$/, ""));
const variants = tsx(join(root, "variants")).map((f) => `variants/${f.replace(/\.tsx$/, "")}`);
const pages = [...templates, ...variants];
/** What the server renders: each template, and the variant whose page also shows the whole list. */
const rendered = [...templates, variants[0]];

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
async function expectRendered(path: string): Promise<string> {
  const res = await fetch(`${base}/preview/${path}`, { signal: AbortSignal.timeout(30_000) });
  const page = await res.text();
  expect(res.status, path).toBe(200);
  expect(page, `${path}: rendering error`).not.toMatch(/serverRenderingResult\\?":\{\\?"error|<b>Error<\/b>/);
  expect(page, `${path}: rendered email`).toContain("Sent by Switchboard for Acme Dialers.");
  return page;
}

/** Runtime imports of a file (not `import type`), resolved to a file of the repository or kept as a package name. */
function runtimeImports(file: string): string[] {
  const source = readFileSync(file, "utf8");
  const specifiers = [...source.matchAll(/^import\s+(?!type\b)(?:[^;]*?\sfrom\s+)?"([^"]+)"/gms)].map((m) => m[1]);
  return specifiers.map((specifier) => {
    if (!specifier.startsWith(".") && !specifier.startsWith("@/")) return specifier;
    const bare = specifier.startsWith("@/") ? join(process.cwd(), specifier.slice(2)) : resolve(dirname(file), specifier);
    const found = ["", ".tsx", ".ts", "/index.tsx", "/index.ts"]
      .map((ext) => bare + ext)
      .find((p) => statSync(p, { throwIfNoEntry: false })?.isFile());
    return found ?? bare;
  });
}

/** Every module bundled for these entry files: their imports, and the imports of those, within the repository. */
function bundledModules(entries: string[]): Set<string> {
  const seen = new Set<string>(entries);
  const queue = [...entries];
  while (queue.length > 0) {
    for (const imported of runtimeImports(queue.pop()!)) {
      if (seen.has(imported)) continue;
      seen.add(imported);
      if (imported.startsWith("/") && /\.tsx?$/.test(imported)) queue.push(imported);
    }
  }
  return seen;
}

describe("npm run email:dev", () => {
  it("lists every template on its index page", async () => {
    const res = await fetch(base);
    const index = await res.text();
    expect(res.status).toBe(200);
    for (const page of templates) expect(index).toContain(`href="/preview/${page}"`);
  });

  it("renders every template and a variant without an error, and a variant's page lists every template and variant", async () => {
    expect(pages.length).toBeGreaterThanOrEqual(21);
    // one at a time: on two cores, concurrent pages only contend for the same CPU
    let variantPage = "";
    for (const path of rendered) {
      const page = await expectRendered(path);
      if (path.startsWith("variants/")) variantPage = page;
    }
    for (const page of pages) expect(variantPage, "the open folder's list").toContain(`href="/preview/${page}"`);
  }, 90_000);

  it("answers an unknown template without rendering one", async () => {
    const res = await fetch(`${base}/preview/no-such-email`, { redirect: "manual" });
    expect(res.status).not.toBe(200);
  });

  it("has every other variant import only what the server bundled for the templates", () => {
    const bundled = bundledModules(templates.map((t) => join(root, `${t}.tsx`)));
    for (const variant of variants.filter((v) => !rendered.includes(v))) {
      const file = join(root, `${variant}.tsx`);
      const imports = runtimeImports(file);
      expect(imports.length, `${variant} imports a template`).toBeGreaterThan(0);
      for (const imported of imports) expect(bundled, `${variant} imports ${imported}`).toContain(imported);
    }
  });
});
