import { expect, test } from "@playwright/test";
import { events, providerWebhooks } from "@/db/schema";
import { createAppServer, EVENTS_SECRET, type AppServer } from "../pipeline/app-server";
import { fixtureNow, signHeaders } from "../../lib/testing/events";
import { stalledPost } from "./raw-http";

/*
 * A sender that sends its headers and part of the body, then goes quiet
 * (slowloris), must not hold a request open for minutes: the event and
 * webhook routes stop reading at REQUEST_BODY_TIMEOUT_MS (1 s here) and
 * answer 408 with a JSON error, storing nothing.
 */

const DEADLINE_MS = 1_000;
const WEBHOOK_SECRET = "whsec_" + Buffer.from("slow-body-resend-webhook-secret-0123").toString("base64");

let app: AppServer;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  app = await createAppServer({
    name: "slow-body",
    env: { RESEND_API_KEY: "", RESEND_WEBHOOK_SECRET: WEBHOOK_SECRET, REQUEST_BODY_TIMEOUT_MS: String(DEADLINE_MS) },
  });
  await app.start();
});

test.afterAll(async () => {
  await app?.stop();
});

const eventCount = () => app.db().$count(events);

for (const framing of ["content-length", "chunked"] as const) {
  test(`an event body that stalls halfway (${framing}) gets 408 at the deadline and nothing is stored`, async () => {
    const body = JSON.stringify(fixtureNow("reauth-hubspot-token-revoked"));
    const before = await eventCount();
    const res = await stalledPost({
      port: app.port,
      path: "/api/integration-events",
      headers: { "Content-Type": "application/json", ...signHeaders({ secret: EVENTS_SECRET, body }) },
      sent: body.slice(0, 40),
      declaredLength: framing === "content-length" ? Buffer.byteLength(body) : undefined,
      giveUpAfterMs: 15_000,
    });
    console.log(`[measured] stalled event body (${framing}): ${res.status} after ${Math.round(res.elapsedMs)} ms`);
    expect(res.status).toBe(408);
    expect(res.headers["content-type"]).toContain("application/json");
    expect(res.headers["connection"]).toBe("close");
    expect(JSON.parse(res.body)).toEqual({ error: "The request body did not arrive within 1 s." });
    expect(res.elapsedMs).toBeGreaterThanOrEqual(DEADLINE_MS - 50);
    expect(res.elapsedMs).toBeLessThan(DEADLINE_MS + 5_000);
    expect(await eventCount()).toBe(before);
  });
}

test("a Resend webhook body that stalls gets 408 at the deadline", async () => {
  const res = await stalledPost({
    port: app.port,
    path: "/api/webhooks/resend",
    headers: {
      "Content-Type": "application/json",
      "svix-id": "msg_slow",
      "svix-timestamp": String(Math.floor(Date.now() / 1000)),
      "svix-signature": "v1,x",
    },
    sent: '{"type":"email.deliv',
    declaredLength: 400,
    giveUpAfterMs: 15_000,
  });
  expect(res.status).toBe(408);
  expect(JSON.parse(res.body)).toEqual({ error: "The request body did not arrive within 1 s." });
  expect(await app.db().$count(providerWebhooks)).toBe(0);
});

test("a body that arrives in time is still accepted", async () => {
  const body = JSON.stringify(fixtureNow("reauth-hubspot-token-revoked"));
  const res = await fetch(`${app.url}/api/integration-events`, {
    method: "POST",
    headers: { "content-type": "application/json", ...signHeaders({ secret: EVENTS_SECRET, body }) },
    body,
  });
  expect(res.status).toBe(202);
});
