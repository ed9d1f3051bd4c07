import { z } from "zod";
import { env } from "@/lib/env";
import { advanceClock, clockOffsetMs, now } from "@/lib/clock";
import { nudgeWorker } from "@/lib/notifications/nudge";

export const dynamic = "force-dynamic";

/*
 * Test-only clock (lib/clock.ts): exists only when TEST_MODE=1; a deployment
 * answers 404. POST {"advanceMs": n} moves this server's clock forward and
 * wakes the inline worker, so timers that became due (re-auth reminders and
 * deadlines, digest windows) run at once. GET reads it. /api/test/reset
 * puts it back to the wall clock.
 */

const body = z.object({
  advanceMs: z
    .number()
    .int()
    .min(0)
    .max(366 * 24 * 3_600_000),
});

function state() {
  return { now: now().toISOString(), offsetMs: clockOffsetMs() };
}

export async function GET() {
  if (!env.TEST_MODE) return new Response("Not found", { status: 404 });
  return Response.json(state());
}

export async function POST(request: Request) {
  if (!env.TEST_MODE) return new Response("Not found", { status: 404 });
  let json: unknown;
  try {
    json = await request.json();
  } catch {
    return Response.json({ error: "Malformed JSON.", issues: [{ path: "", message: "The body is not valid JSON" }] }, { status: 400 });
  }
  const parsed = body.safeParse(json);
  if (!parsed.success) {
    return Response.json(
      {
        error: 'Send {"advanceMs": <milliseconds ≥ 0>}.',
        issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
      },
      { status: 400 },
    );
  }
  advanceClock(parsed.data.advanceMs);
  nudgeWorker({ timers: true });
  return Response.json(state());
}
