import { env } from "@/lib/env";
import { resetAllData } from "@/db/queries/system/reset";
import { resetClock } from "@/lib/clock";

export const dynamic = "force-dynamic";

/* Exists only when TEST_MODE=1 (the e2e runner); a deployment answers 404. */
export async function POST() {
  if (!env.TEST_MODE) return new Response("Not found", { status: 404 });
  resetClock();
  await resetAllData();
  return Response.json({ ok: true });
}
