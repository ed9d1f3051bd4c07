import { describe, expect, it } from "vitest";
import { disabledByFor, eventActsOn, reauthDeadline, transition, type IntegrationState, type StatusCause } from "./status";

const t0 = new Date("2026-11-27T10:00:00Z");
const deadline = new Date("2026-11-30T10:00:00Z");
const state = (status: IntegrationState["status"], extra: Partial<IntegrationState> = {}): IntegrationState => ({
  status,
  statusReason: null,
  disabledBy: null,
  reauthAlertOpenedAt: null,
  reauthDeadlineAt: null,
  ...extra,
});
const needsReauth = state("needs_reauth", { statusReason: "token_revoked", reauthAlertOpenedAt: t0, reauthDeadlineAt: deadline });
const reauth: StatusCause = { by: "reauth_required", reason: "token_revoked", openedAt: t0, deadline };

describe("transition (SPEC R11)", () => {
  it("connect only from disconnected", () => {
    expect(transition(state("disconnected"), { by: "connect" })?.status).toBe("connected");
    expect(transition(state("connected"), { by: "connect" })).toBeNull();
  });

  it("reauth_required opens an alert with its deadline only from connected", () => {
    expect(transition(state("connected"), reauth)).toEqual({
      status: "needs_reauth",
      statusReason: "token_revoked",
      disabledBy: null,
      reauthAlertOpenedAt: t0,
      reauthDeadlineAt: deadline,
    });
    expect(transition(needsReauth, reauth)).toBeNull(); // already open: nothing new
    expect(transition(state("disabled", { disabledBy: "admin" }), reauth)).toBeNull();
    expect(transition(state("disconnected"), reauth)).toBeNull();
  });

  it("leaving needs_reauth by any path closes the alert", () => {
    for (const cause of [
      { by: "auth_restored" },
      { by: "reconnect" },
      { by: "admin_disable" },
      { by: "disabled_event", reason: "user_disconnected" },
      { by: "deadline_passed" },
    ] as StatusCause[]) {
      const next = transition(needsReauth, cause)!;
      expect(next, cause.by).not.toBeNull();
      expect(next.reauthAlertOpenedAt).toBeNull();
      expect(next.reauthDeadlineAt).toBeNull();
    }
  });

  it("auth_restored acts on needs_reauth only", () => {
    expect(transition(needsReauth, { by: "auth_restored" })?.status).toBe("connected");
    expect(transition(state("connected"), { by: "auth_restored" })).toBeNull();
    expect(transition(state("disabled", { disabledBy: "auth" }), { by: "auth_restored" })).toBeNull();
  });

  it("disable from connected or needs_reauth, remembering who and why", () => {
    expect(transition(state("connected"), { by: "admin_disable" })).toMatchObject({ status: "disabled", disabledBy: "admin", statusReason: "admin" });
    expect(transition(state("connected"), { by: "disabled_event", reason: "user_disconnected" })).toMatchObject({ disabledBy: "event" });
    expect(transition(state("connected"), { by: "disabled_event", reason: "app_uninstalled" })).toMatchObject({ disabledBy: "auth", statusReason: "app_uninstalled" });
    expect(transition(needsReauth, { by: "deadline_passed" })).toMatchObject({ disabledBy: "auth", statusReason: "reauth_deadline_passed" });
    expect(transition(state("connected"), { by: "deadline_passed" })).toBeNull();
    expect(transition(state("disabled"), { by: "admin_disable" })).toBeNull();
    expect(transition(state("disconnected"), { by: "disabled_event", reason: "token_revoked" })).toBeNull();
  });

  it("enable: admin only when an admin disabled it; the event and reconnect from any disabled", () => {
    const byAdmin = state("disabled", { disabledBy: "admin", statusReason: "admin" });
    const byAuth = state("disabled", { disabledBy: "auth", statusReason: "token_revoked" });
    expect(transition(byAdmin, { by: "admin_enable" })).toMatchObject({ status: "connected", disabledBy: null, statusReason: null });
    expect(transition(byAuth, { by: "admin_enable" })).toBeNull();
    expect(transition(byAuth, { by: "enabled_event" })?.status).toBe("connected");
    expect(transition(byAuth, { by: "reconnect" })?.status).toBe("connected");
    expect(transition(state("connected"), { by: "enabled_event" })).toBeNull();
    expect(transition(needsReauth, { by: "enabled_event" })).toBeNull();
  });

  it("classifies disable reasons", () => {
    expect(disabledByFor("user_disconnected")).toBe("event");
    expect(disabledByFor("token_revoked")).toBe("auth");
    expect(disabledByFor("app_uninstalled")).toBe("auth");
    expect(disabledByFor("reauth_deadline_passed")).toBe("auth");
  });
});

describe("reauthDeadline and eventActsOn", () => {
  it("defaults the deadline to occurredAt + 72 h", () => {
    expect(reauthDeadline(t0).toISOString()).toBe("2026-11-30T10:00:00.000Z");
    expect(reauthDeadline(t0, new Date("2026-12-01T00:00:00Z")).toISOString()).toBe("2026-12-01T00:00:00.000Z");
  });

  it("a disabled integration listens to integration.enabled only", () => {
    expect(eventActsOn("disabled", "integration.enabled")).toBe(true);
    expect(eventActsOn("disabled", "contacts.mapping_failed")).toBe(false);
    expect(eventActsOn("disabled", "integration.auth_restored")).toBe(false);
    expect(eventActsOn("connected", "sync.completed")).toBe(true);
    expect(eventActsOn("disconnected", "integration.enabled")).toBe(false);
  });
});
