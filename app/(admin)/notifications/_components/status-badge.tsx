import type { MessageStatus } from "@/db/schema";
import { Badge } from "@/components/ui/badge";
import { STATUS_LABELS, STATUS_TONES } from "./labels";

export function StatusBadge({ status }: { status: MessageStatus }) {
  return <Badge tone={STATUS_TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}
