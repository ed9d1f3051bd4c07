import type { IntegrationStatus } from "@/db/schema";
import { Badge } from "@/components/ui/badge";

export const STATUS_LABELS: Record<IntegrationStatus, string> = {
  connected: "Connected",
  disconnected: "Not connected",
  needs_reauth: "Needs re-authentication",
  disabled: "Disabled",
};

const TONES = {
  connected: "success",
  disconnected: "neutral",
  needs_reauth: "warning",
  disabled: "danger",
} as const;

/** Both facts where they differ: a disabled integration whose authorization is also broken says so. */
export function StatusBadge({ status, authBroken = false }: { status: IntegrationStatus; authBroken?: boolean }) {
  return (
    <Badge tone={TONES[status]}>
      <span aria-hidden className="mr-1.5 inline-block h-1.5 w-1.5 rounded-full bg-current" />
      {STATUS_LABELS[status]}
      {status === "disabled" && authBroken ? " · authorization broken" : ""}
    </Badge>
  );
}
