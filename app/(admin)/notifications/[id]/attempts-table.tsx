import type { listMessageAttempts } from "@/db/queries/messages";
import { LocalTime } from "../_components/local-time";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { TableHead } from "@/components/ui/table-head";

const OUTCOMES = { sent: "Sent", retry: "Will retry", rate_limited: "Rate limited (not counted)", failed: "Failed" } as const;

/* Every attempt of one message: when, what came back, how long it took, under which idempotency key. */
export function AttemptsTable({ attempts, timeZone }: { attempts: Awaited<ReturnType<typeof listMessageAttempts>>; timeZone: string }) {
  if (attempts.length === 0) return <p className="text-sm text-slate-600">No attempt yet.</p>;
  return (
    <ScrollRegion label="Delivery attempts">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Delivery attempts, oldest first</caption>
        <TableHead columns={["Time", "Outcome", "Detail", "Idempotency key"]} variant="compact" />
        <tbody className="divide-y divide-slate-100">
          {attempts.map((a) => (
            <tr key={a.id} className="align-top">
              <td className="py-1.5 pr-3">
                <LocalTime at={a.at} timeZone={timeZone} seconds />
              </td>
              <td className="py-1.5 pr-3">{OUTCOMES[a.outcome]}</td>
              <td className="py-1.5 pr-3 break-words text-slate-700">
                {[a.statusCode ? `HTTP ${a.statusCode}` : null, a.error, a.durationMs !== null ? `${a.durationMs} ms` : null]
                  .filter(Boolean)
                  .join(" · ") || "—"}
              </td>
              <td className="py-1.5">
                <code className="break-all text-xs">{a.idempotencyKey}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
