import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import * as s from "../schema/sqlite";

/*
 * What a running installation accumulates on top of its companies (./source-fixture.ts): events,
 * notifications, messages and their delivery, OAuth handshakes, sign-in throttling and a long
 * audit log.
 */

export const AUDIT_ROWS = 1_234; // more than two INSERT batches
export const AUDIT_ID_STEP = 3; // ids with gaps: the sequence must continue past the largest, not the count

type Transaction = Parameters<Parameters<BetterSQLite3Database<typeof s>["transaction"]>[0]>[0];

export function addActivity(tx: Transaction, now: Date): void {
  const at = (iso: string) => new Date(iso);
  tx.insert(s.events)
    .values([
      {
        id: "evt_1",
        companyId: "acme",
        provider: "hubspot",
        type: "contacts.mapping_failed",
        occurredAt: now,
        receivedAt: now,
        body: '{"type":"contacts.mapping_failed"}',
      },
      {
        id: "evt_2",
        companyId: "acme",
        provider: "hubspot",
        type: "integration.disabled",
        occurredAt: now,
        receivedAt: now,
        body: "{}",
        noEmailReason: "integration_disabled",
      },
    ])
    .run();
  tx.insert(s.notifications)
    .values([
      {
        id: "ntf_1",
        companyId: "acme",
        provider: "hubspot",
        kind: "mapping_errors",
        eventId: "evt_1",
        props: { records: [{ id: "r1", field: "email" }], count: 1 },
        recordCount: 1,
        windowClosesAt: now,
        digestKey: "push:contact",
        digestStatus: "closed",
        createdAt: now,
      },
      {
        id: "ntf_2",
        companyId: "acme",
        provider: null,
        kind: "test",
        eventId: null,
        props: [],
        noRecipients: true,
        preview: true,
        createdAt: now,
      },
    ])
    .run();
  tx.insert(s.notificationEvents).values({ notificationId: "ntf_1", eventId: "evt_1" }).run();
  tx.insert(s.notificationRecords)
    .values({
      id: 3,
      notificationId: "ntf_1",
      recordId: "r1",
      recordName: "Zoë",
      recordEmail: null,
      field: "email",
      crmProperty: "email",
      code: "invalid_email",
      message: "not an address",
    })
    .run();
  tx.insert(s.scheduledJobs)
    .values([
      {
        id: 5,
        companyId: "globex",
        kind: "reauth_reminder",
        integrationId: 42,
        dueAt: at("2026-03-02T10:00:00.000Z"),
        status: "pending",
        createdAt: now,
        payload: { reason: "token_revoked", attempt: 1 },
      },
      {
        id: 9,
        companyId: "acme",
        kind: "digest_close",
        notificationId: "ntf_1",
        dueAt: now,
        status: "done",
        doneAt: now,
        createdAt: now,
        payload: null,
      },
    ])
    .run();
  tx.insert(s.messages)
    .values([
      {
        id: "msg_1",
        notificationId: "ntf_1",
        companyId: "acme",
        kind: "mapping_errors",
        provider: "hubspot",
        to: [" Ada@Acme.test ", "billing@acme.test"],
        bcc: "Audit@Acme.test",
        status: "delivered",
        transport: "mailbox",
        idempotencyKey: "msg_1:1",
        attempts: 1,
        providerMessageId: "pm_1",
        subject: "1 record failed",
        plannedAt: now,
        sentAt: now,
        updatedAt: now,
      },
      {
        id: "msg_2",
        notificationId: "ntf_2",
        companyId: "acme",
        kind: "test",
        to: [],
        noRecipients: true,
        preview: true,
        idempotencyKey: "msg_2:1",
        nextAttemptAt: null,
        plannedAt: now,
        updatedAt: now,
      },
    ])
    .run();
  tx.insert(s.messageBodies)
    .values({
      messageId: "msg_1",
      subject: "1 record failed",
      html: "<p>Zoë</p>",
      text: "Zoë",
      from: "Switchboard <n@switchboard.test>",
      renderedAt: now,
    })
    .run();
  tx.insert(s.messageAttempts)
    .values({
      id: 11,
      messageId: "msg_1",
      at: now,
      outcome: "sent",
      statusCode: 200,
      error: null,
      idempotencyKey: "msg_1:1",
      durationMs: 12,
    })
    .run();
  tx.insert(s.providerWebhooks)
    .values([
      { id: "wh_1", type: "email.delivered", receivedAt: now, messageId: "msg_1", occurredAt: now, detail: { to: ["ada@acme.test"] } },
      { id: "wh_2", type: "email.bounced", receivedAt: now, messageId: null, occurredAt: null, detail: null },
    ])
    .run();
  tx.insert(s.recipientBounces)
    .values({ companyId: "acme", email: "gone@acme.test", bouncedAt: now, messageId: "msg_1", description: "Permanent (General)" })
    .run();
  tx.insert(s.sendBudget)
    .values({ key: "resend", nextSlotAt: now, pausedUntil: new Date(0) })
    .run();
  tx.insert(s.oauthStates)
    .values({
      state: "st_1",
      companyId: "acme",
      userId: "usr_acme_admin",
      sessionId: "ses_1",
      provider: "salesforce",
      mode: "connect",
      codeVerifier: "cv",
      redirectUri: "http://localhost/cb",
      loginHost: "login.salesforce.com",
      sandbox: true,
      expiresAt: now,
      usedAt: null,
      createdAt: now,
    })
    .run();
  tx.insert(s.oauthSandboxCodes)
    .values({
      code: "code_1",
      companyId: "acme",
      provider: "zoho",
      clientId: "cid",
      redirectUri: "http://localhost/cb",
      codeChallenge: "cc",
      accountId: "acct",
      dataCenter: "eu",
      expiresAt: now,
      usedAt: now,
      createdAt: now,
    })
    .run();
  tx.insert(s.signInFailures).values({ id: 2, scope: "address", key: "127.0.0.1", attemptId: "att_1", createdAt: now }).run();
  for (let i = 1; i <= AUDIT_ROWS; i++) {
    tx.insert(s.auditLog)
      .values({
        id: i * AUDIT_ID_STEP,
        companyId: i % 2 ? "acme" : "globex",
        actorType: i % 3 === 0 ? "system" : "user",
        actorId: i % 3 === 0 ? null : "usr_acme_admin",
        actorLabel: "Ada Admin",
        action: "integration.settings_saved",
        entity: `integration:${i}`,
        before: i % 5 === 0 ? null : { n: i, list: [1, "two", null] },
        after: { n: i + 1, nested: { ok: i % 2 === 0 } },
        createdAt: new Date(now.getTime() + i),
      })
      .run();
  }
}
