import { expect, test } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { events, integrations, messages, notifications } from "@/db/schema";
import { ResendStandIn } from "../../lib/testing/resend-stand-in";
import { createAppServer, EVENTS_SECRET, type AppServer } from "./app-server";
import { rowCounts } from "../faults/fault-config";
import { fixtureNow, postEvent, signHeaders } from "../../lib/testing/events";

/*
 * The HTTP contract of POST /api/integration-events (docs/product R17–R20) against
 * the built app: idempotency under concurrency, and every refusal with its
 * status, its field paths, and nothing stored.
 */

let standIn: ResendStandIn;
let app: AppServer;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  standIn = await ResendStandIn.start();
  app = await createAppServer({ name: "ingestion", env: { RESEND_BASE_URL: standIn.url } });
  await app.start();
});

test.afterAll(async () => {
  await app?.stop();
  await standIn?.stop();
});

const counts = () => rowCounts(app.db());
const queued = () => app.db().$count(messages, eq(messages.status, "queued"));

test("the same webhook-id twice, also with a different body: duplicate, one email, first body kept", async () => {
  const first = fixtureNow("disabled-hubspot-uninstalled");
  const a = await postEvent(app.url, { secret: EVENTS_SECRET, body: first, id: "evt_twice" });
  expect(a).toMatchObject({ status: 202, json: { eventId: "evt_twice", duplicate: false } });
  const b = await postEvent(app.url, { secret: EVENTS_SECRET, body: first, id: "evt_twice" });
  expect(b).toMatchObject({ status: 200, json: { eventId: "evt_twice", duplicate: true } });
  const c = await postEvent(app.url, { secret: EVENTS_SECRET, body: fixtureNow("enabled-hubspot"), id: "evt_twice" });
  expect(c).toMatchObject({ status: 200, json: { eventId: "evt_twice", duplicate: true } });

  const [stored] = await app.db().select({ type: events.type, body: events.body }).from(events).where(eq(events.id, "evt_twice")).limit(1);
  expect(stored.type).toBe("integration.disabled");
  expect(stored.body).toBe(JSON.stringify(first));
  const [hubspot] = await app
    .db()
    .select({ status: integrations.status })
    .from(integrations)
    .where(and(eq(integrations.companyId, "acme"), eq(integrations.provider, "hubspot")))
    .limit(1);
  expect(hubspot.status).toBe("disabled");
  await standIn.waitForEmails(1);
  await expect.poll(queued).toBe(0);
  expect(standIn.emails).toHaveLength(1);
  expect(standIn.emails[0].subject).toMatch(/disabled/i);
});

test("10 concurrent deliveries of one event: one event, one notification, one email", async () => {
  const body = fixtureNow("enabled-hubspot");
  const before = standIn.emails.length;
  const results = await Promise.all(
    Array.from({ length: 10 }, () => postEvent(app.url, { secret: EVENTS_SECRET, body, id: "evt_concurrent" })),
  );
  expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 202]);
  expect(results.filter((r) => r.json?.duplicate === false)).toHaveLength(1);
  expect(await app.db().$count(events, eq(events.id, "evt_concurrent"))).toBe(1);
  expect(await app.db().$count(notifications, eq(notifications.eventId, "evt_concurrent"))).toBe(1);
  await standIn.waitForEmails(before + 1);
  await expect.poll(queued).toBe(0);
  expect(standIn.emails).toHaveLength(before + 1);
});

test("refusals: 401, 400 with paths, 404, 409, 413, 415 — and nothing stored", async () => {
  const before = await counts();
  const body = fixtureNow("sync-hubspot-pull-clean");
  const raw = JSON.stringify(body);
  const url = `${app.url}/api/integration-events`;
  const post = (headers: Record<string, string>, payload: string = raw) =>
    fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: payload });

  // 401: missing headers, bad signature, stale timestamp, a different secret
  expect((await post({})).status).toBe(401);
  const signed = signHeaders({ secret: EVENTS_SECRET, body: raw });
  expect((await post({ ...signed, "webhook-signature": "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=" })).status).toBe(401);
  const tampered = await post(signed, raw.replace("5312", "5313"));
  expect(tampered.status).toBe(401);
  const stale = await post(signHeaders({ secret: EVENTS_SECRET, body: raw, timestamp: new Date(Date.now() - 10 * 60_000) }));
  expect(stale.status).toBe(401);
  expect(await stale.json()).toEqual({ error: expect.stringMatching(/tolerance/) });
  expect((await post(signHeaders({ secret: "whsec_b3RoZXItc2VjcmV0LW90aGVyLXNlY3JldA==", body: raw }))).status).toBe(401);
  // key rotation: several signatures, one of them valid
  const rotated = signHeaders({ secret: EVENTS_SECRET, body: raw, id: "evt_rotated" });
  const old = signHeaders({ secret: "whsec_b3RoZXItc2VjcmV0LW90aGVyLXNlY3JldA==", body: raw, id: "evt_rotated" });
  const rotation = await post({ ...rotated, "webhook-signature": `${old["webhook-signature"]} ${rotated["webhook-signature"]}` });
  expect(rotation.status).toBe(202);

  // 400: malformed JSON, schema errors with paths, malformed UTF-8, absurd nesting
  const malformed = await postEvent(app.url, { secret: EVENTS_SECRET, raw: '{"type": "sync.completed",' });
  expect(malformed.status).toBe(400);
  expect(malformed.json).toMatchObject({ issues: [{ path: "", message: expect.stringMatching(/not valid JSON/) }] });
  const invalid = structuredClone(body);
  invalid.data.counts.failed = -1;
  invalid.provider = "pipedrive";
  delete invalid.data.finishedAt;
  const schema = await postEvent(app.url, { secret: EVENTS_SECRET, body: invalid });
  expect(schema.status).toBe(400);
  const paths = (schema.json!.issues as { path: string }[]).map((i) => i.path).sort();
  expect(paths).toEqual(["data.counts.failed", "data.finishedAt", "provider"]);
  const utf8 = await postEvent(app.url, {
    secret: EVENTS_SECRET,
    raw: Buffer.concat([Buffer.from('{"type":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]),
  });
  expect(utf8).toMatchObject({ status: 400, json: { issues: [{ path: "", message: "The body is not valid UTF-8" }] } });
  const deep = await postEvent(app.url, { secret: EVENTS_SECRET, raw: "[".repeat(100_000) + "]".repeat(100_000) });
  expect(deep.status).toBe(400);
  const huge = structuredClone(body);
  huge.data.followUps = ["x".repeat(900_000)];
  expect((await postEvent(app.url, { secret: EVENTS_SECRET, body: huge })).json).toMatchObject({ issues: [{ path: "data.followUps[0]" }] });
  const proto = await postEvent(app.url, {
    secret: EVENTS_SECRET,
    raw: raw.replace('"data":{', '"__proto__":{"admin":true},"data":{"constructor":{"prototype":{"polluted":1}},'),
  });
  expect(proto.status).toBe(202);

  // 404 / 409
  expect((await postEvent(app.url, { secret: EVENTS_SECRET, body: { ...body, companyId: "initech" } })).status).toBe(404);
  const zoho = await postEvent(app.url, { secret: EVENTS_SECRET, body: fixtureNow("mapping-zoho-push") });
  expect(zoho.status).toBe(409);
  expect(zoho.json!.error).toMatch(/not connected/);

  // 413: declared and actual size; 415: not JSON
  const big = JSON.stringify({ ...body, padding: "x".repeat(2 * 1024 * 1024) });
  expect((await post(signHeaders({ secret: EVENTS_SECRET, body: big }), big)).status).toBe(413);
  const chunked = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < 3; i++) controller.enqueue(new Uint8Array(512 * 1024).fill(32));
      controller.close();
    },
  });
  const streamed = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...signHeaders({ secret: EVENTS_SECRET, body: "" }) },
    body: chunked,
    duplex: "half",
  } as RequestInit);
  expect(streamed.status).toBe(413);
  expect((await post({ ...signHeaders({ secret: EVENTS_SECRET, body: raw }), "content-type": "text/plain" })).status).toBe(415);

  // Only the two accepted events (rotation, __proto__) left rows behind.
  const after = await counts();
  expect(after.events).toBe(before.events + 2);
  expect(after.notifications).toBe(before.notifications + 2);
});
