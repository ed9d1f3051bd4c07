import { describe, expect, it } from "vitest";
import { getTableColumns } from "drizzle-orm";
import * as schema from "@/db/schema";
import { integrationEventSchema } from "./ingest/events";
import { EVENT_TYPES, MAPPING_DIRECTIONS, MAPPING_OBJECTS, SYNC_OPERATIONS } from "./ingest/event-types";
import { NO_EMAIL_REASONS } from "./ingest/no-email";
import { PROVIDER_NAMES, PROVIDERS, isProvider } from "./providers";
import { AUTH_DISABLE_REASONS, DISABLE_REASONS, DISABLED_BY, EVENT_DISABLE_REASONS, REAUTH_REASONS } from "./reasons";

/*
 * Each closed set is written once (./providers.ts, ./reasons.ts,
 * ./ingest/event-types.ts) and read by the event contract and the schema.
 * These fail when either side grows a value of its own.
 */

type Enumish = { options?: readonly string[]; unwrap?: () => Enumish };
const optionsOf = (schema: unknown): readonly string[] => {
  const s = schema as Enumish;
  return s.options ?? optionsOf(s.unwrap!());
};

const eventSchemas = Object.fromEntries(integrationEventSchema.options.map((o) => [o.shape.type.value, o.shape] as const));
const dataOf = (type: string) => (eventSchemas[type].data as unknown as { shape: Record<string, unknown> }).shape;

describe("the event contract reads the lists", () => {
  it("parses exactly the event types of EVENT_TYPES", () => {
    expect(Object.keys(eventSchemas).sort()).toEqual([...EVENT_TYPES].sort());
  });

  it("takes providers, reasons, operations, directions and objects from their lists", () => {
    for (const type of EVENT_TYPES) expect(optionsOf(eventSchemas[type].provider)).toEqual(PROVIDERS);
    expect(optionsOf(dataOf("integration.reauth_required").reason)).toEqual(REAUTH_REASONS);
    expect(optionsOf(dataOf("integration.disabled").reason)).toEqual(EVENT_DISABLE_REASONS);
    expect(optionsOf(dataOf("integration.enabled").reason)).toEqual(EVENT_DISABLE_REASONS);
    expect(optionsOf(dataOf("sync.completed").operation)).toEqual(SYNC_OPERATIONS);
    expect(optionsOf(dataOf("contacts.mapping_failed").direction)).toEqual(MAPPING_DIRECTIONS);
    expect(optionsOf(dataOf("contacts.mapping_failed").object)).toEqual(MAPPING_OBJECTS);
  });
});

describe("the schema's enums read the lists", () => {
  const tables = Object.values(schema).filter((v) => typeof v === "object" && v !== null && Symbol.for("drizzle:IsDrizzleTable") in v);

  it("every provider column allows exactly PROVIDERS", () => {
    const providerColumns = tables.flatMap((t) =>
      Object.values(getTableColumns(t as typeof schema.events)).filter((c) => c.name === "provider"),
    );
    expect(providerColumns.length).toBeGreaterThanOrEqual(5);
    for (const column of providerColumns) expect(column.enumValues).toEqual(PROVIDERS);
  });

  it("event types, disabled-by, no-email reasons, transports and attempt outcomes", () => {
    expect(schema.events.type.enumValues).toEqual(EVENT_TYPES);
    expect(schema.events.noEmailReason.enumValues).toEqual(NO_EMAIL_REASONS);
    expect(schema.integrations.disabledBy.enumValues).toEqual(DISABLED_BY);
    expect(schema.messages.transport.enumValues).toEqual(schema.TRANSPORTS);
    expect(schema.messageAttempts.outcome.enumValues).toEqual(schema.ATTEMPT_OUTCOMES);
  });
});

describe("the lists", () => {
  it("name every provider, and recognise only those", () => {
    expect(Object.keys(PROVIDER_NAMES)).toEqual([...PROVIDERS]);
    for (const p of PROVIDERS) expect(isProvider(p)).toBe(true);
    for (const v of ["HubSpot", "pipedrive", "", "__proto__", "toString"]) expect(isProvider(v)).toBe(false);
  });

  it("disable reasons are the events' plus an admin's; the auth ones are among the events'", () => {
    expect(DISABLE_REASONS).toEqual([...EVENT_DISABLE_REASONS, "admin"]);
    for (const r of AUTH_DISABLE_REASONS) expect(EVENT_DISABLE_REASONS).toContain(r);
  });
});
