import { Badge } from "@/components/ui/badge";

/** Marks an email gallery preview wherever a message is listed: sample data, sent to its viewer only. */
export function PreviewBadge() {
  return (
    <span title="Sent from the email gallery with sample data; nothing happened to an integration">
      <Badge tone="info">Preview</Badge>
    </span>
  );
}
