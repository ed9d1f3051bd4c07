import { createServer } from "node:http";
import { expect, test, type APIRequestContext, type APIResponse, type FrameLocator } from "@playwright/test";
import { GALLERY_VARIANTS } from "@/lib/notifications/gallery";
import { freePort } from "../pipeline/app-server";
import { resetDatabase, signIn } from "../fixtures/session";
import { E2E_BASE_URL } from "../fixtures/server-config";
import { appRoutes, type AppRoute } from "./routes";

/*
 * Security headers on the production build (docs/security/headers.md): every
 * page and route handler, signed in and out; a page on another origin cannot
 * frame the signed-in console; the gallery's own frames still show the email.
 * HSTS (https only) is covered by lib/http/security-headers.test.ts, since
 * this server speaks http.
 */

const FRAMED = /^\/notifications\/emails\/[^/]+\/html$/;

test.beforeEach(async ({ request }) => resetDatabase(request));

const directives = (csp: string) =>
  new Map(
    csp
      .split(/;\s*/)
      .filter(Boolean)
      .map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")] as const),
  );

async function call(ctx: APIRequestContext, route: Pick<AppRoute, "method" | "path">): Promise<APIResponse> {
  // no body: each route answers with its own 4xx, which must carry the headers as well
  return route.method === "GET" ? ctx.get(route.path, { maxRedirects: 0 }) : ctx.post(route.path, { maxRedirects: 0 });
}

/** Checks one response; returns the page's nonce when it is an HTML page. */
async function expectSecurityHeaders(res: APIResponse, path: string, who: string): Promise<string | null> {
  const h = res.headers();
  const where = `${who}: ${path} → ${res.status()}`;
  const csp = h["content-security-policy"];
  expect(csp, `${where} has no Content-Security-Policy`).toBeTruthy();
  const d = directives(csp);
  const framed = FRAMED.test(path);
  expect(d.get("frame-ancestors"), where).toBe(framed ? "'self'" : "'none'");
  expect(h["x-frame-options"], where).toBe(framed ? "SAMEORIGIN" : "DENY");
  expect(h["x-content-type-options"], where).toBe("nosniff");
  expect(h["referrer-policy"], where).toMatch(/^(same-origin|no-referrer)$/);
  expect(h["strict-transport-security"], `${where}: HSTS on an http APP_URL`).toBeUndefined();
  if (path.startsWith("/api/")) {
    // JSON, redirects, or Next's not-found page for an unknown API path: nothing may load or run
    expect(d.get("default-src"), where).toBe("'none'");
    expect(d.has("script-src"), where).toBe(false);
    return null;
  }

  const html = (h["content-type"] ?? "").startsWith("text/html");
  if (framed) {
    expect(d.has("sandbox"), where).toBe(true);
    expect(d.get("default-src"), where).toBe("'none'");
    expect(d.has("script-src"), where).toBe(false);
    return null;
  }
  if (!html || (res.status() >= 300 && res.status() < 400)) return null;
  const scriptSrc = d.get("script-src") ?? "";
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(scriptSrc)?.[1];
  expect(nonce, `${where}: script-src ${scriptSrc}`).toBeTruthy();
  expect(scriptSrc, where).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
  const scripts = [...(await res.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length, where).toBeGreaterThan(0);
  expect(
    scripts.filter((s) => !s.includes(` nonce="${nonce}"`)),
    `${where}: scripts without the nonce`,
  ).toEqual([]);
  return nonce!;
}

async function checkAll(ctx: APIRequestContext, routes: AppRoute[], who: string) {
  const checked: string[] = [];
  for (const route of routes) {
    const nonce = await expectSecurityHeaders(await call(ctx, route), route.path, who);
    if (nonce) {
      // rendered per request, or the nonce could not be fresh
      const again = await expectSecurityHeaders(await call(ctx, route), route.path, who);
      expect(again, `${who}: ${route.path} served the same nonce twice`).not.toBe(nonce);
    }
    checked.push(`${route.method} ${route.path}`);
  }
  return checked;
}

test("every page and route answers with the security headers, signed out and signed in", async ({ page, request }) => {
  test.setTimeout(120_000);
  const routes = appRoutes();
  expect(routes.filter((r) => r.kind === "page").length).toBeGreaterThanOrEqual(14);
  expect(routes.filter((r) => r.kind === "route").length).toBeGreaterThanOrEqual(13);
  // beyond the route files: Next's not-found page, an unknown API path
  const extra: AppRoute[] = [
    { file: "(not found)", path: "/no-such-page", kind: "page", method: "GET" },
    { file: "(not found)", path: "/api/no-such-route", kind: "route", method: "GET" },
  ];

  await checkAll(request, [...routes, ...extra], "signed out");

  await signIn(page, "admin@acme.test");
  // the reset route would end this session; it was covered signed out
  const signedIn = [...routes, ...extra].filter((r) => r.path !== "/api/test/reset");
  await checkAll(page.request, signedIn, "admin@acme.test");

  // the page's own scripts and styles
  const res = await page.request.get("/integrations");
  const assets = [...(await res.text()).matchAll(/(?:src|href)="(\/_next\/static\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  expect(assets.length).toBeGreaterThan(0);
  for (const asset of assets.slice(0, 3)) await expectSecurityHeaders(await page.request.get(asset), asset, "static");
});

test("a page on another origin cannot frame the signed-in /integrations", async ({ page }) => {
  await signIn(page, "admin@acme.test");
  await page.goto("/integrations");
  await expect(page.getByRole("button", { name: "Disable HubSpot" })).toBeVisible();

  const port = await freePort();
  const elsewhere = `http://127.0.0.1:${port}`;
  const server = createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    if (req.url === "/own") return res.end("<!doctype html><p>Harness content</p>");
    res.end(`<!doctype html><title>elsewhere</title>
      <iframe id="own" src="/own" onload="document.body.dataset.own = 'loaded'"></iframe>
      <iframe id="victim" src="${E2E_BASE_URL}/integrations" width="1000" height="700"
        onload="document.body.dataset.victim = 'loaded'"></iframe>`);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  try {
    const messages: string[] = [];
    page.on("console", (m) => messages.push(m.text()));
    await page.goto(`${elsewhere}/`);
    // the harness itself can frame a page, so an empty victim frame means it was refused
    await expect(page.frameLocator("#own").getByText("Harness content")).toBeVisible();
    await expect(page.locator("body")).toHaveAttribute("data-victim", "loaded");
    // Chromium's report of the refusal ("Framing '…' violates … frame-ancestors 'none'", or X-Frame-Options)
    await expect.poll(() => messages.filter((m) => m.includes(E2E_BASE_URL)).join("\n")).toMatch(/frame-ancestors 'none'|X-Frame-Options/);
    const victim = page.frameLocator("#victim");
    await expect(victim.getByRole("button", { name: /Disable/ })).toHaveCount(0);
    await expect(victim.getByText("Integrations")).toHaveCount(0);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

/** Every style attribute in the frame took effect: one the CSP refused is left out of the element's style. */
async function expectInlineStylesApplied(frame: FrameLocator) {
  await expect(frame.locator("[style]").first()).toBeAttached();
  const refused = await frame
    .locator("[style]")
    .evaluateAll((els) => els.filter((e) => (e as HTMLElement).style.length === 0).map((e) => e.outerHTML.slice(0, 120)));
  expect(refused).toEqual([]);
}

test("the email gallery's own frames still show the email, inline styles applied", async ({ page }) => {
  const variant = GALLERY_VARIANTS[0];
  await signIn(page, "admin@acme.test");
  await page.goto("/notifications/emails");
  // the thumbnail loads the framed route (frame-ancestors 'self')
  const thumbnail = page.frameLocator(`iframe[src="/notifications/emails/${variant.id}/html"]`);
  await expect(thumbnail.getByText("Sent by Switchboard for Acme Dialers.")).toBeVisible();
  await expectInlineStylesApplied(thumbnail);
  const html = await page.request.get(`/notifications/emails/${variant.id}/html`);
  expect(directives(html.headers()["content-security-policy"]).get("frame-ancestors")).toBe("'self'");

  // the variant page's preview is a srcdoc frame: it lives under the page's own policy
  await page.goto(`/notifications/emails/${variant.id}`);
  const preview = page.frameLocator('iframe[title^="HTML version"]');
  await expect(preview.getByText("Sent by Switchboard for Acme Dialers.")).toBeVisible();
  await expectInlineStylesApplied(preview);
});
