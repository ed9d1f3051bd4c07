import { randomUUID } from "node:crypto";
import { Webhook } from "standardwebhooks";
import type { Provider } from "../../lib/integrations/providers";
import { fixtureNow, type EventBody } from "../../lib/testing/events";

/*
 * Signed, unique integration events for load: every event type, for the
 * seeded connected integrations (acme HubSpot and Salesforce, globex
 * HubSpot), each with its own webhook-id so none is a duplicate.
 */

export type SignedRequest = { id: string; body: string; headers: Record<string, string> };

const TYPES: { fixture: string; providers: Provider[] }[] = [
  { fixture: "reauth-hubspot-token-revoked", providers: ["hubspot", "salesforce"] },
  { fixture: "auth-restored-hubspot", providers: ["hubspot", "salesforce"] },
  { fixture: "disabled-hubspot-uninstalled", providers: ["hubspot", "salesforce"] },
  { fixture: "enabled-hubspot", providers: ["hubspot", "salesforce"] },
  { fixture: "mapping-hubspot-push", providers: ["hubspot"] },
  { fixture: "mapping-salesforce-pull-leads", providers: ["salesforce"] },
  { fixture: "sync-hubspot-pull-clean", providers: ["hubspot"] },
  { fixture: "sync-salesforce-push", providers: ["salesforce"] },
];

export type EventTarget = { companyId: string; provider: Provider };

const TARGETS: EventTarget[] = [
  { companyId: "acme", provider: "hubspot" },
  { companyId: "acme", provider: "salesforce" },
  { companyId: "globex", provider: "hubspot" },
];

/** One body per (type, target) it applies to, times shifted to now. */
export function eventTemplates(now = new Date(), targets: EventTarget[] = TARGETS): EventBody[] {
  const out: EventBody[] = [];
  for (const { fixture, providers } of TYPES) {
    for (const t of targets) {
      if (!providers.includes(t.provider)) continue;
      out.push({ ...fixtureNow(fixture, now), companyId: t.companyId, provider: t.provider });
    }
  }
  return out;
}

/** `count` signed requests rotating through every template; bodies differ only by a sequence field. */
export function signedPool(secret: string, count: number, templates = eventTemplates()): SignedRequest[] {
  const wh = new Webhook(secret);
  const at = new Date();
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const runId = randomUUID().slice(0, 8);
  const pool: SignedRequest[] = new Array(count);
  const bodies = templates.map((t) => JSON.stringify(t));
  for (let i = 0; i < count; i++) {
    const id = `evt_bench_${runId}_${i}`;
    const body = bodies[i % bodies.length];
    pool[i] = {
      id,
      body,
      headers: {
        "content-type": "application/json",
        "webhook-id": id,
        "webhook-timestamp": timestamp,
        "webhook-signature": wh.sign(id, at, body),
      },
    };
  }
  return pool;
}
