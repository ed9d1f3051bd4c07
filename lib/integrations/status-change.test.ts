import { describe, expect, it, vi } from "vitest";

await vi.hoisted(async () => {
  (await import("@/lib/testing/test-database-url")).useTestDatabaseUrl("status-change");
  process.env.APP_URL = "https://switchboard.example";
});

import { asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { transaction } from "@/db/queries/tx";
import { useDemoDatabase } from "@/lib/testing/test-database";
import { auditLog, events, notifications } from "@/db/schema";
import type { Provider } from "@/lib/integrations/providers";
import { getIntegrationState } from "@/db/queries/integrations-status";
import { allJobs as jobs, at, integrationRow } from "@/lib/testing/integration-status";
import { changeStatus, type ChangeSource, type StatusChange } from "./status-change";

/* changeStatus() as each of its callers uses it: an event, the deadline timer, an admin, OAuth. */

const ada = { userId: "usr_acme_admin", name: "Ada Admin", email: "admin@acme.test" };
/** An event's source, its row stored as ingestion would have before acting on it. */
async function event(
  type: "integration.reauth_required" | "integration.enabled",
  hours: number,
  provider: Provider = "hubspot",
): Promise<ChangeSource> {
  const id = `evt_${provider}_${type}_${hours}`;
  const occurredAt = at(hours - 1);
  await db.insert(events).values({ id, companyId: "acme", provider, type, occurredAt, receivedAt: at(hours), body: "{}" });
  return { by: "event", eventId: id, eventType: type, occurredAt };
}

function change(provider: Provider, cause: StatusChange, source: ChangeSource, hours: number) {
  return transaction(async (tx) =>
    changeStatus({
      tx,
      companyId: "acme",
      provider,
      current: (await getIntegrationState({ tx, companyId: "acme", provider }))!,
      change: cause,
      source,
      now: at(hours),
    }),
  );
}
const reauth = (hours: number, deadlineHours = hours + 71): StatusChange => ({
  by: "reauth_required",
  reason: "token_revoked",
  message: "Access was revoked",
  providerError: { status: "BAD_REFRESH_TOKEN" },
  openedAt: at(hours),
  deadline: at(deadlineHours),
});
const emails = async () =>
  (await db.select().from(notifications).orderBy(asc(notifications.createdAt))).map((n) => ({
    kind: n.kind,
    eventId: n.eventId,
    props: n.props,
  }));
const audits = () => db.select().from(auditLog).orderBy(asc(auditLog.id));

useDemoDatabase(db);

describe("changeStatus from an event", () => {
  it("opens the alert: state, audit row naming the event, timers with the reminder's inputs, the alert email", async () => {
    const result = await change("hubspot", reauth(0), await event("integration.reauth_required", 0), 0);
    expect(result).toMatchObject({ state: { status: "needs_reauth", reauthDeadlineAt: at(71) }, messageIds: [expect.any(String)] });
    expect((await audits()).map((a) => [a.actorType, a.actorId, a.actorLabel, a.action])).toEqual([
      [
        "event",
        "evt_hubspot_integration.reauth_required_0",
        "event integration.reauth_required (evt_hubspot_integration.reauth_required_0)",
        "integration.needs_reauth",
      ],
    ]);
    const inputs = {
      reason: "token_revoked",
      occurredAt: at(-1).toISOString(),
      message: "Access was revoked",
      providerError: '{"status":"BAD_REFRESH_TOKEN"}',
    };
    expect((await jobs()).map((j) => [j.kind, j.status, j.dueAt, j.payload])).toEqual([
      ["reauth_reminder", "pending", at(47), inputs],
      ["reauth_deadline", "pending", at(71), null],
    ]);
    expect(await emails()).toMatchObject([
      {
        kind: "reauth_required",
        eventId: "evt_hubspot_integration.reauth_required_0",
        props: {
          stage: "alert",
          reauthReason: "token_revoked",
          message: "Access was revoked",
          providerError: inputs.providerError,
          occurredAt: inputs.occurredAt,
          deadlinePassed: false,
        },
      },
    ]);
  });

  it("an alert whose deadline already passed disables at once: two audited steps, the alert and the disabled email", async () => {
    const result = await change("salesforce", reauth(0, -1), await event("integration.reauth_required", 0, "salesforce"), 0);
    expect(result).toMatchObject({ state: { status: "disabled", disabledBy: "auth", statusReason: "reauth_deadline_passed" } });
    expect(result!.messageIds).toHaveLength(2);
    expect((await audits()).map((a) => [a.actorType, a.action])).toEqual([
      ["event", "integration.needs_reauth"],
      ["event", "integration.disabled"],
    ]);
    expect(await emails()).toMatchObject([
      { kind: "reauth_required", props: { deadlinePassed: true } },
      {
        kind: "integration_disabled",
        props: { disableReason: "reauth_deadline_passed", needsReconnect: true, occurredAt: at(0).toISOString() },
      },
    ]);
    expect(((await emails())[1].props as { actor?: unknown }).actor).toBeUndefined();
    expect((await jobs()).map((j) => j.status)).toEqual(["cancelled"]);
  });

  it("a refused change writes nothing", async () => {
    expect(await change("hubspot", { by: "enabled_event", now: at(0) }, await event("integration.enabled", 0), 0)).toBeNull();
    expect(await audits()).toEqual([]);
    expect(await emails()).toEqual([]);
  });
});

describe("changeStatus from the deadline timer", () => {
  it("needs_reauth → disabled for an auth reason, audited as the scheduler, with the disabled email", async () => {
    await change("hubspot", reauth(0), await event("integration.reauth_required", 0), 0);
    const result = await change("hubspot", { by: "deadline_passed" }, { by: "scheduler" }, 71);
    expect(result).toMatchObject({ state: { status: "disabled", disabledBy: "auth" }, messageIds: [expect.any(String)] });
    expect((await audits()).at(-1)).toMatchObject({
      actorType: "system",
      actorId: "scheduler",
      actorLabel: "Switchboard scheduler: re-auth deadline passed",
    });
    expect((await emails()).at(-1)).toMatchObject({
      kind: "integration_disabled",
      eventId: null,
      props: { disableReason: "reauth_deadline_passed", needsReconnect: true },
    });
    expect((await jobs()).map((j) => j.status)).toEqual(["cancelled", "cancelled"]);
  });

  it("already switched off with the alert open: disabled for the auth reason without a second email", async () => {
    await change("hubspot", reauth(0), await event("integration.reauth_required", 0), 0);
    await change("hubspot", { by: "admin_disable" }, { by: "admin", user: ada }, 1);
    expect(await change("hubspot", { by: "deadline_passed" }, { by: "scheduler" }, 71)).toMatchObject({ messageIds: [] });
    expect(await integrationRow("hubspot")).toMatchObject({ status: "disabled", disabledBy: "auth" });
    expect((await emails()).map((e) => e.kind)).toEqual(["reauth_required", "integration_disabled"]);
  });
});

describe("changeStatus from an admin", () => {
  it("Disable names the admin in the audit row and the email; Enable of a healthy integration sends the enabled email", async () => {
    expect(await change("hubspot", { by: "admin_disable" }, { by: "admin", user: ada }, 0)).toMatchObject({
      state: { status: "disabled", disabledBy: "admin" },
    });
    expect(await change("hubspot", { by: "admin_enable", now: at(1) }, { by: "admin", user: ada }, 1)).toMatchObject({
      state: { status: "connected" },
    });
    expect((await audits()).map((a) => [a.actorType, a.actorLabel, a.action])).toEqual([
      ["user", "Ada Admin <admin@acme.test>", "integration.disabled"],
      ["user", "Ada Admin <admin@acme.test>", "integration.connected"],
    ]);
    const person = { name: "Ada Admin", email: "admin@acme.test" };
    expect(await emails()).toMatchObject([
      {
        kind: "integration_disabled",
        props: { disableReason: "admin", needsReconnect: false, actor: person, occurredAt: at(0).toISOString() },
      },
      { kind: "integration_enabled", props: { via: "admin", actor: person, occurredAt: at(1).toISOString() } },
    ]);
  });

  it("Enable of a broken authorization returns to needs_reauth with the paused reminder resumed, and no email", async () => {
    await change("hubspot", reauth(0), await event("integration.reauth_required", 0), 0);
    await change("hubspot", { by: "admin_disable" }, { by: "admin", user: ada }, 1);
    expect((await jobs()).map((j) => j.status)).toEqual(["paused", "pending"]);
    expect(await change("hubspot", { by: "admin_enable", now: at(2) }, { by: "admin", user: ada }, 2)).toMatchObject({
      state: { status: "needs_reauth" },
      messageIds: [],
    });
    expect((await jobs()).map((j) => [j.status, j.dueAt])).toEqual([
      ["pending", at(47)],
      ["pending", at(71)],
    ]);
  });
});

describe("changeStatus from OAuth", () => {
  it("a first connect sends the enabled email via connect, naming who connected", async () => {
    expect(await change("zoho", { by: "connect" }, { by: "oauth", user: ada }, 0)).toMatchObject({ state: { status: "connected" } });
    expect(await emails()).toMatchObject([{ kind: "integration_enabled", props: { via: "connect", actor: { name: "Ada Admin" } } }]);
    expect(await audits()).toMatchObject([{ actorType: "user", actorId: "usr_acme_admin", action: "integration.connected" }]);
  });

  it("a reconnect after needs_reauth closes the alert, cancels its timers and sends the recovery notice", async () => {
    await change("hubspot", reauth(0), await event("integration.reauth_required", 0), 0);
    expect(await change("hubspot", { by: "reconnect" }, { by: "oauth", user: ada }, 5)).toMatchObject({
      state: { status: "connected", reauthDeadlineAt: null },
    });
    expect((await jobs()).map((j) => j.status)).toEqual(["cancelled", "cancelled"]);
    expect((await emails()).at(-1)).toMatchObject({
      kind: "auth_restored",
      props: { via: "reconnect", brokenSince: at(0).toISOString(), occurredAt: at(5).toISOString() },
    });
    expect(await db.select().from(auditLog).where(eq(auditLog.action, "integration.connected"))).toHaveLength(1);
  });
});
