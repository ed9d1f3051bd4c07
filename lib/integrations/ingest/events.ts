import { z } from "zod";
import { PROVIDERS } from "@/lib/integrations/providers";
import { EVENT_DISABLE_REASONS, REAUTH_REASONS } from "@/lib/integrations/reasons";
import { MAPPING_DIRECTIONS, MAPPING_OBJECTS, SYNC_OPERATIONS, type EventType } from "./event-types";

/*
 * The contract of POST /api/integration-events (docs/product §4): one zod schema per
 * event type, discriminated on `type`. Unknown keys are dropped (workers may
 * send more than we read), so keys such as "__proto__" never reach our
 * objects. Every string is bounded: a client can make a body big (≤ 1 MiB)
 * but not make one field swallow it.
 */

const iso = z.iso.datetime({ offset: true, message: "Expected an ISO-8601 date-time, e.g. 2026-11-27T10:00:00Z" });
const text = (max: number) => z.string().trim().min(1, "Must not be empty").max(max, `At most ${max} characters`);
const optionalText = (max: number) => z.string().max(max, `At most ${max} characters`).optional();
const count = z.number().int("Expected a whole number").nonnegative("Must be 0 or more").max(1e12);

export const MAX_MAPPING_ERRORS = 2_000;

const base = {
  companyId: text(100),
  provider: z.enum(PROVIDERS),
  occurredAt: iso,
};

/** Every event's `type`: a value of EVENT_TYPES, so the list and the union below cannot drift apart. */
const eventType = <T extends EventType>(type: T) => z.literal(type);

const actor = z.object({ name: text(200), email: z.email("Expected an email address").max(320) });
const disableReason = z.enum(EVENT_DISABLE_REASONS);

const reauthRequired = z.object({
  ...base,
  type: eventType("integration.reauth_required"),
  data: z.object({
    reason: z.enum(REAUTH_REASONS),
    message: optionalText(2_000),
    // the CRM's own error, kept as given and shown compactly in the alert
    providerError: z.record(z.string(), z.unknown()).optional(),
    deadline: iso.optional(),
  }),
});

const authRestored = z.object({
  ...base,
  type: eventType("integration.auth_restored"),
  data: z.object({}),
});

const enabled = z.object({
  ...base,
  type: eventType("integration.enabled"),
  data: z.object({ actor: actor.optional(), reason: disableReason.optional() }),
});

const disabled = z.object({
  ...base,
  type: eventType("integration.disabled"),
  data: z.object({ actor: actor.optional(), reason: disableReason.optional() }),
});

const mappingError = z.object({
  recordId: text(200),
  recordName: optionalText(500),
  recordEmail: optionalText(320), // as the CRM holds it, possibly malformed: that may be the error
  field: optionalText(200),
  crmProperty: optionalText(200),
  code: text(100),
  message: text(5_000),
});

const mappingFailed = z.object({
  ...base,
  type: eventType("contacts.mapping_failed"),
  data: z
    .object({
      direction: z.enum(MAPPING_DIRECTIONS),
      object: z.enum(MAPPING_OBJECTS).optional(),
      totalRecords: count.optional(),
      errors: z
        .array(mappingError)
        .min(1, "At least one error")
        .max(MAX_MAPPING_ERRORS, `At most ${MAX_MAPPING_ERRORS} errors per event; split larger failures`),
    })
    .refine((d) => d.totalRecords === undefined || d.totalRecords >= d.errors.length, {
      path: ["totalRecords"],
      message: "Must be at least the number of errors listed",
    }),
});

const syncCompleted = z.object({
  ...base,
  type: eventType("sync.completed"),
  data: z
    .object({
      operation: z.enum(SYNC_OPERATIONS),
      startedAt: iso,
      finishedAt: iso,
      counts: z.object({ processed: count, created: count, updated: count, skipped: count, failed: count }),
      warnings: z
        .array(z.object({ code: text(100), message: text(2_000), count: count.optional() }))
        .max(200)
        .optional(),
      failures: z
        .array(z.object({ recordId: optionalText(200), code: text(100), message: text(5_000) }))
        .max(MAX_MAPPING_ERRORS)
        .optional(),
      view: z.object({ id: text(200), name: text(300) }).optional(),
      followUps: z.array(text(1_000)).max(50).optional(),
    })
    .refine((d) => Date.parse(d.finishedAt) >= Date.parse(d.startedAt), {
      path: ["finishedAt"],
      message: "Must not be before startedAt",
    })
    .refine((d) => d.operation !== "zoho_views.pull" || d.view !== undefined, {
      path: ["view"],
      message: "Required for zoho_views.pull",
    }),
});

export const integrationEventSchema = z
  .discriminatedUnion("type", [reauthRequired, authRestored, enabled, disabled, mappingFailed, syncCompleted])
  .superRefine((e, ctx) => {
    if (e.type === "sync.completed" && e.data.operation === "zoho_views.pull" && e.provider !== "zoho") {
      ctx.addIssue({ code: "custom", path: ["data", "operation"], message: "zoho_views.pull is valid for provider zoho only" });
    }
  });

export type IntegrationEvent = z.infer<typeof integrationEventSchema>;
export type EventOf<T extends IntegrationEvent["type"]> = Extract<IntegrationEvent, { type: T }>;
export type FieldIssue = { path: string; message: string };

/** "data.errors[3].code"; the body itself is "". */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`)).join("");
}

export function parseIntegrationEvent(value: unknown): { ok: true; event: IntegrationEvent } | { ok: false; issues: FieldIssue[] } {
  const result = integrationEventSchema.safeParse(value);
  if (result.success) return { ok: true, event: result.data };
  const issues = result.error.issues.slice(0, 50).map((i) => ({ path: formatPath(i.path), message: i.message }));
  return { ok: false, issues };
}

export const MAX_JSON_DEPTH = 32;

/**
 * Nesting depth of a JSON text, counted without parsing (iteratively, so an
 * absurdly deep body cannot exhaust the stack here or later when a nested
 * value is serialised again).
 */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) max = Math.max(max, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  return max;
}
