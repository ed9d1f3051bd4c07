import { transaction } from "@/db/queries/tx";
import type { NewRecord } from "@/db/queries/notifications";
import type { AnyEmail, CompanyRef, Person } from "./email-props";
import { atTime, rebaseEmail, type GalleryVariant } from "./gallery";
import { nudgeWorker } from "./nudge";
import { planNotification, type OwnProps } from "./planner";

/*
 * "Send me this preview" in the email gallery: one gallery variant, as the
 * viewer's company would get it, to the viewer alone. It goes through the
 * same planner, outbox, renderer and transport as every real notification,
 * so what lands in the inbox (or the Mailbox) is exactly what the pipeline
 * produces — and its links open the notification it became. It is marked a
 * preview throughout: "[Preview]" subject, a banner naming who sent it, its
 * sample times moved to now, a badge in the delivery log, and no place in
 * any integration's history (docs/conventions.md rule 14: every claim derived).
 */

export type QueuedPreview = { notificationId: string; messageId: string };

/** The records a mapping or sync variant lists, so its "affected records" link opens a filled page. */
function recordsOf(email: AnyEmail): NewRecord[] {
  if (email.kind === "mapping_errors") return email.props.records;
  if (email.kind === "sync_report") return email.props.failures;
  return [];
}

/**
 * A variant may claim more detailed records than it carries (the gallery's
 * 2,000-record sample lists 25). A sent preview stores only the ones it
 * carries, so it claims only those: its records link never promises rows
 * the records page does not have.
 */
function claimingOnlyStored(email: AnyEmail): AnyEmail {
  if (email.kind === "mapping_errors") return { ...email, props: { ...email.props, detailedRecords: email.props.records.length } };
  if (email.kind === "sync_report") return { ...email, props: { ...email.props, detailedFailures: email.props.failures.length } };
  return email;
}

export async function queueEmailPreview({
  variant,
  company,
  requestedBy,
  now = new Date(),
}: {
  variant: GalleryVariant;
  company: CompanyRef;
  /** The viewer who asked: the one recipient, named in the preview banner. */
  requestedBy: Person;
  now?: Date;
}): Promise<QueuedPreview> {
  const email = claimingOnlyStored(atTime(variant, now)) as GalleryVariant;
  const planned = await transaction(
    async (tx) =>
      await planNotification(tx, {
        companyId: company.id,
        provider: "provider" in email.props ? email.props.provider : undefined,
        kind: email.kind,
        now,
        recipientsOverride: [requestedBy.email],
        preview: { requestedBy, sentAt: now.toISOString() },
        records: recordsOf(email),
        // The variant's complete props, its own `reason` included: the preview matches the gallery.
        buildProps: ({ notificationId, appUrl }) =>
          rebaseEmail(email, { company, appUrl, notificationId }).props as OwnProps<typeof email.kind>,
      }),
  );
  nudgeWorker();
  return { notificationId: planned.notificationId, messageId: planned.messageIds[0] };
}
