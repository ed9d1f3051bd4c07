import { randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import type { NotificationKind } from "@/db/schema";
import type { Provider } from "@/lib/integrations/providers";
import type { Executor } from "@/db/queries/tx";
import {
  completeNotification,
  getPlanningContext,
  insertMessages,
  insertNotification,
  insertNotificationRecords,
  type NewRecord,
} from "@/db/queries/notifications";
import { escalationBccAddress, resolveRecipients } from "./recipients";
import { REPORT_SETTINGS_DEFAULTS } from "@/lib/report-settings/defaults";
import { addressMessages } from "./addressing";
import type { CommonProps, GalleryPreview, PropsByKind } from "./email-props";
import { kindEntry } from "./kinds";

/*
 * planNotification — the one way anything queues an email (transactional
 * outbox, docs/product R20, R21, R24). Call it INSIDE your own transaction,
 * next to the change it reports and its audit row: every query it makes runs
 * on your `tx`, so all of it commits or rolls back together. Nudge the worker
 * after the commit, never from inside the transaction:
 *
 *   const planned = await transaction(async (tx) => {
 *     // … your status change + audit row, each awaited on tx …
 *     return await planNotification(tx, {
 *       companyId, provider: "hubspot", kind: "integration_enabled", now,
 *       eventId,                      // optional: the integration event that caused it
 *       records,                      // optional: affected records (docs/product R27)
 *       buildProps: ({ notificationId, appUrl, recipients }) => ({
 *         occurredAt: now.toISOString(), via: "admin", actor,
 *         settingsUrl: `${appUrl}/integrations/hubspot/settings/sync`,
 *       }),
 *     });
 *   });
 *   nudgeWorker();                    // lib/notifications/nudge.ts
 *
 * It resolves the recipients of the company's SAVED Report settings (R10),
 * adds the common template props (appUrl, company, reason, reportSettingsUrl,
 * and provider for CRM kinds), stores the notification and its records, and
 * writes one queued message per ≤ 50 recipients with the escalation BCC on the
 * first (R6, R21); nobody resolved → To the escalation address, no BCC,
 * flagged no_recipients. Each message's idempotency key is its id. Nothing
 * is rendered here: the worker renders once, off the request path.
 * Throws when the company does not exist (a caller bug, not client input).
 */

/** What buildProps returns: the kind's props minus the ones the planner adds. */
export type OwnProps<K extends NotificationKind> = Omit<PropsByKind[K], keyof CommonProps | "provider">;

export type PlanInput<K extends NotificationKind> = {
  companyId: string;
  provider?: Provider;
  kind: K;
  eventId?: string;
  now: Date;
  buildProps: (ids: { notificationId: string; appUrl: string; recipients: string[] }) => OwnProps<K>;
  records?: NewRecord[];
  /**
   * Address exactly these people instead of the Report settings' recipients,
   * without the escalation BCC — for an email gallery preview sent to its
   * viewer. Keys buildProps returns win over the common props, so a preview
   * can carry a template's complete props (its own `reason`, say).
   */
  recipientsOverride?: string[];
  /**
   * An email gallery preview (with recipientsOverride): the template gets it
   * as `galleryPreview` (subject prefix and banner), and the notification and
   * its messages are marked, so the delivery log badges them and no
   * integration timeline or re-auth reminder ever reads them as real.
   */
  preview?: GalleryPreview;
  /**
   * Plan the messages of a notification that already exists — a mapping
   * digest being closed (lib/notifications/mapping-email.ts): its row gets
   * the final props instead of a new row, its records are already stored.
   */
  existingNotificationId?: string;
};

export type PlannedNotification = {
  notificationId: string;
  messageIds: string[];
  recipients: string[]; // resolved To addresses (empty when nobody resolved)
  escalation: string; // the BCC in force, or the To address when nobody resolved
  noRecipients: boolean;
};

/*
 * Ids start with the time (milliseconds, 9 base-36 digits, so they sort as
 * they were made) and end with 80 random bits drawn from a pooled buffer.
 * Time first keeps each commit's new keys together at the end of the
 * primary-key and recipient indexes: with random ids every planned message
 * dirtied pages all over them, and writing those pages made a commit of 50
 * events cost ~1.3 ms.
 */
const ID_RANDOM_BYTES = 10;
let idPool = Buffer.alloc(0);
let idOffset = 0;

export function newId(prefix: "ntf" | "msg"): string {
  if (idOffset + ID_RANDOM_BYTES > idPool.length) {
    idPool = randomBytes(ID_RANDOM_BYTES * 256);
    idOffset = 0;
  }
  const random = idPool.subarray(idOffset, (idOffset += ID_RANDOM_BYTES)).toString("base64url");
  return `${prefix}_${Date.now().toString(36).padStart(9, "0")}${random}`;
}

export async function planNotification<K extends NotificationKind>(tx: Executor, input: PlanInput<K>): Promise<PlannedNotification> {
  const { companyId, provider, kind, now } = input;
  if (kindEntry(kind).namesCrm && !provider) throw new Error(`planNotification: kind ${kind} needs a provider`);
  const context = await getPlanningContext({ tx, companyId });
  if (!context) throw new Error(`planNotification: unknown company ${companyId}`);

  const roles = context.settings?.roles ?? [...REPORT_SETTINGS_DEFAULTS.roles];
  const resolved = resolveRecipients({
    roles,
    additionalUserIds: context.additionalUserIds,
    users: context.users,
  });
  const escalation = escalationBccAddress({ override: context.settings?.escalationBcc, defaultAddress: env.NOTIFICATIONS_BCC });
  const additional = resolved.recipients.some((r) => r.viaAdditional);
  const override = input.recipientsOverride;
  if (override && override.length === 0) throw new Error("planNotification: recipientsOverride is empty");
  if (input.preview && !override) throw new Error("planNotification: a preview goes to recipientsOverride only");
  const preview = !!input.preview;
  const noRecipients = override ? false : resolved.noRecipients;

  const recipientEmails = override ?? resolved.recipients.map((r) => r.email);
  const notificationId = input.existingNotificationId ?? newId("ntf");
  const appUrl = env.APP_URL;
  const common: CommonProps = {
    appUrl,
    company: context.company,
    reason: { roles, additional, noRecipients },
    reportSettingsUrl: `${appUrl}/account/report-settings`,
    ...(input.preview ? { galleryPreview: input.preview } : {}),
  };
  const props = {
    ...common,
    ...(provider ? { provider } : {}),
    ...input.buildProps({ notificationId, appUrl, recipients: recipientEmails }),
  };
  const records = input.records ?? [];

  if (input.existingNotificationId) {
    await completeNotification({ tx, id: notificationId, props, noRecipients });
  } else {
    await insertNotification({
      tx,
      row: {
        id: notificationId,
        companyId,
        provider: provider ?? null,
        kind,
        eventId: input.eventId ?? null,
        props,
        noRecipients,
        preview,
        recordCount: records.length,
        createdAt: now,
      },
    });
  }
  if (records.length > 0) await insertNotificationRecords({ tx, notificationId, records });

  const parts = override
    ? addressMessages({ recipients: override, escalation }).map((p) => ({ ...p, bcc: null }))
    : addressMessages({ recipients: recipientEmails, escalation });
  const rows = parts.map((p) => {
    const id = newId("msg");
    return {
      id,
      notificationId,
      companyId,
      kind,
      provider: provider ?? null,
      part: p.part,
      to: p.to,
      bcc: p.bcc,
      noRecipients: p.noRecipients,
      preview,
      status: "queued" as const,
      idempotencyKey: id,
      nextAttemptAt: now,
      plannedAt: now,
      updatedAt: now,
    };
  });
  await insertMessages({ tx, rows });
  return { notificationId, messageIds: rows.map((r) => r.id), recipients: recipientEmails, escalation, noRecipients };
}
