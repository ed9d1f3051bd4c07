import { db } from "@/db/client";
import type { NewRecord } from "@/db/queries/notifications";
import type { AnyEmail, CompanyRef } from "./email-props";
import { rebaseEmail, type GalleryVariant } from "./gallery";
import { nudgeWorker } from "./nudge";
import { planNotification, type OwnProps } from "./planner";

/*
 * "Send me this preview" in the email gallery: one gallery variant, as the
 * viewer's company would get it, to the viewer alone. It goes through the
 * same planner, outbox, renderer and transport as every real notification,
 * so what lands in the inbox (or the Mailbox) is exactly what the pipeline
 * produces — and its links open the notification it became.
 */

export type QueuedPreview = { notificationId: string; messageId: string };

/** The records a mapping or sync variant lists, so its "affected records" link opens a filled page. */
function recordsOf(email: AnyEmail): NewRecord[] {
  if (email.kind === "mapping_errors") return email.props.records;
  if (email.kind === "sync_report") return email.props.failures;
  return [];
}

export function queueEmailPreview({
  variant,
  company,
  to,
  now = new Date(),
}: {
  variant: GalleryVariant;
  company: CompanyRef;
  to: string;
  now?: Date;
}): QueuedPreview {
  const planned = db.transaction((tx) =>
    planNotification(tx, {
      companyId: company.id,
      provider: "provider" in variant.props ? variant.props.provider : undefined,
      kind: variant.kind,
      now,
      recipientsOverride: [to],
      records: recordsOf(variant),
      // The variant's complete props, its own `reason` included: the preview matches the gallery.
      buildProps: ({ notificationId, appUrl }) =>
        rebaseEmail(variant, { company, appUrl, notificationId }).props as OwnProps<typeof variant.kind>,
    }),
  );
  nudgeWorker();
  return { notificationId: planned.notificationId, messageId: planned.messageIds[0] };
}
