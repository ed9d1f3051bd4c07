import type { MappingDirection, MappingObject } from "@/lib/integrations/ingest/event-types";

/*
 * The pure part of mapping-error digests (docs/product R7, R23): what one digest
 * accumulates while its window is open, how an event merges into it, and when
 * the window closes. The database side is lib/notifications/digest.ts.
 *
 * The window is anchored on Switchboard's clock: it opens when the FIRST error
 * event is received and closes `mapping_digest_minutes` later, fixed — later
 * events never extend it. An event belongs to the open digest when it is
 * received before the window closes. Received time, not the event's
 * occurredAt, because workers' clocks and retries can put occurredAt anywhere,
 * and a window must close at a moment the scheduler can keep. The email still
 * reports the events' own times (firstAt / lastAt are occurredAt).
 */

/** What a digest notification's props hold while its window is open. */
export type DigestState = {
  direction: MappingDirection;
  object: MappingObject;
  firstAt: string; // earliest occurredAt merged (ISO)
  lastAt: string; // latest occurredAt merged (ISO)
  eventCount: number;
  totalRecords: number; // the workers' true counts, summed (≥ records stored)
};

export type DigestInput = {
  occurredAt: Date;
  direction: MappingDirection;
  object?: MappingObject;
  totalRecords?: number;
  errorCount: number;
};

/**
 * Errors merge per integration AND per direction and object: the email speaks
 * of "N contacts failed to push to HubSpot", so pushes and pulls (or leads and
 * contacts) are separate digests, each with its own window.
 */
export function digestKeyOf(input: Pick<DigestInput, "direction" | "object">): string {
  return `${input.direction}:${input.object ?? "contact"}`;
}

export function windowClosesAt(receivedAt: Date, minutes: number): Date {
  return new Date(receivedAt.getTime() + minutes * 60_000);
}

/** Whether an event received at `at` still joins a digest whose window closes at `closesAt`. */
export function withinWindow(at: Date, closesAt: Date): boolean {
  return at.getTime() < closesAt.getTime();
}

function recordsOf(input: DigestInput): number {
  return Math.max(input.totalRecords ?? input.errorCount, input.errorCount);
}

export function openDigestState(input: DigestInput): DigestState {
  const at = input.occurredAt.toISOString();
  return {
    direction: input.direction,
    object: input.object ?? "contact",
    firstAt: at,
    lastAt: at,
    eventCount: 1,
    totalRecords: recordsOf(input),
  };
}

/** The digest after one more event: times widen, counts add up. */
export function mergeDigestState(state: DigestState, input: DigestInput): DigestState {
  const at = input.occurredAt.getTime();
  return {
    ...state,
    firstAt: at < Date.parse(state.firstAt) ? input.occurredAt.toISOString() : state.firstAt,
    lastAt: at > Date.parse(state.lastAt) ? input.occurredAt.toISOString() : state.lastAt,
    eventCount: state.eventCount + 1,
    totalRecords: state.totalRecords + recordsOf(input),
  };
}
