import { describe, expect, it } from "vitest";
import {
  alertOpen,
  authorizationBroken,
  disabledByFor,
  eventActsOn,
  reauthDeadline,
  transition,
  type IntegrationState,
  type StatusCause,
} from "./status";

const t0 = new Date("2026-11-27T10:00:00Z");
const deadline = new Date("2026-11-30T10:00:00Z");
const before = new Date("2026-11-28T10:00:00Z"); // inside the grace period
const after = new Date("2026-11-30T10:00:01Z"); // past the deadline
const state = (status: IntegrationState["status"], extra: Partial<IntegrationState> = {}): IntegrationState => ({
  status,
  statusReason: null,
  disabledBy: null,
  reauthReason: null,
  reauthAlertOpenedAt: null,
  reauthDeadlineAt: null,
  ...extra,
});
const alert = { reauthReason: "token_revoked" as const, reauthAlertOpenedAt: t0, reauthDeadlineAt: deadline };
const needsReauth = state("needs_reauth", { statusReason: "token_revoked", ...alert });
const offBroken = state("disabled", { statusReason: "admin", disabledBy: "admin", ...alert });
const offHealthy = state("disabled", { statusReason: "admin", disabledBy: "admin" });
const reauth: StatusCause = { by: "reauth_required", reason: "token_revoked", openedAt: t0, deadline };

describe("transition (docs/product R11)", () => {
  it("connect only from disconnected", () => {
    expect(transition(state("disconnected"), { by: "connect" })?.status).toBe("connected");
    expect(transition(state("connected"), { by: "connect" })).toBeNull();
  });

  it("reauth_required opens an alert with its deadline from connected", () => {
    expect(transition(state("connected"), reauth)).toEqual(needsReauth);
    expect(transition(needsReauth, reauth)).toBeNull(); // already open: nothing new
    expect(transition(state("disconnected"), reauth)).toBeNull();
  });

  it("paths that restore authorization close the alert", () => {
    for (const cause of [{ by: "auth_restored" }, { by: "reconnect" }] as StatusCause[]) {
      expect(transition(needsReauth, cause), cause.by).toEqual(state("connected"));
    }
  });

  it("an admin's Disable keeps a broken authorization: alert, reason and deadline stay", () => {
    const next = transition(needsReauth, { by: "admin_disable" })!;
    expect(next).toEqual(offBroken);
    expect(authorizationBroken(next)).toBe(true);
    // a user disconnecting it in the CRM is an on/off change too
    expect(transition(needsReauth, { by: "disabled_event", reason: "user_disconnected" })).toMatchObject({ disabledBy: "event", ...alert });
  });

  it("Enable of a broken authorization returns to needs_reauth with the ORIGINAL deadline, never to connected", () => {
    expect(transition(offBroken, { by: "admin_enable", now: before })).toEqual(needsReauth);
    expect(
      transition(state("disabled", { disabledBy: "event", statusReason: "user_disconnected", ...alert }), {
        by: "enabled_event",
        now: before,
      }),
    ).toEqual(needsReauth);
  });

  it("once the deadline passed while disabled, Enable refuses and the deadline turns the reason into an auth reason", () => {
    expect(transition(offBroken, { by: "admin_enable", now: after })).toBeNull();
    expect(transition(offBroken, { by: "enabled_event", now: after })).toBeNull();
    const expired = transition(offBroken, { by: "deadline_passed" })!;
    expect(expired).toEqual(state("disabled", { statusReason: "reauth_deadline_passed", disabledBy: "auth" }));
    expect(authorizationBroken(expired)).toBe(true);
    expect(transition(expired, { by: "admin_enable", now: after })).toBeNull(); // only Reconnect leaves it
    expect(transition(expired, { by: "reconnect" })).toEqual(state("connected"));
  });

  it("auth_restored while disabled heals the authorization and leaves it off", () => {
    expect(transition(offBroken, { by: "auth_restored" })).toEqual(offHealthy);
    expect(transition(offHealthy, { by: "auth_restored" })).toBeNull();
    expect(transition(state("disabled", { disabledBy: "auth", statusReason: "token_revoked" }), { by: "auth_restored" })).toBeNull();
  });

  it("a reauth_required while disabled and healthy records the broken authorization; a second one changes nothing", () => {
    const next = transition(offHealthy, reauth)!;
    expect(next).toEqual(offBroken);
    expect(transition(next, reauth)).toBeNull();
    expect(transition(state("disabled", { disabledBy: "auth", statusReason: "token_revoked" }), reauth)).toBeNull();
  });

  it("Reconnect while disabled with a broken authorization connects and closes the alert", () => {
    expect(transition(offBroken, { by: "reconnect" })).toEqual(state("connected"));
  });

  it("disable from connected or needs_reauth, remembering who and why", () => {
    expect(transition(state("connected"), { by: "admin_disable" })).toEqual(offHealthy);
    expect(transition(state("connected"), { by: "disabled_event", reason: "user_disconnected" })).toMatchObject({ disabledBy: "event" });
    // an auth reason: only Reconnect helps, so the deadline no longer matters
    expect(transition(needsReauth, { by: "disabled_event", reason: "app_uninstalled" })).toEqual(
      state("disabled", { disabledBy: "auth", statusReason: "app_uninstalled" }),
    );
    expect(transition(needsReauth, { by: "deadline_passed" })).toMatchObject({
      disabledBy: "auth",
      statusReason: "reauth_deadline_passed",
      reauthDeadlineAt: null,
    });
    expect(transition(state("connected"), { by: "deadline_passed" })).toBeNull();
    expect(transition(offHealthy, { by: "deadline_passed" })).toBeNull();
    expect(transition(offHealthy, { by: "admin_disable" })).toBeNull();
    expect(transition(state("disconnected"), { by: "disabled_event", reason: "token_revoked" })).toBeNull();
  });

  it("enable: admin only when an admin disabled it; the event and reconnect from any disabled", () => {
    const byAuth = state("disabled", { disabledBy: "auth", statusReason: "token_revoked" });
    expect(transition(offHealthy, { by: "admin_enable", now: before })).toEqual(state("connected"));
    expect(transition(byAuth, { by: "admin_enable", now: before })).toBeNull();
    expect(transition(byAuth, { by: "enabled_event", now: before })?.status).toBe("connected");
    expect(transition(byAuth, { by: "reconnect" })?.status).toBe("connected");
    expect(transition(state("connected"), { by: "enabled_event", now: before })).toBeNull();
    expect(transition(needsReauth, { by: "enabled_event", now: before })).toBeNull();
  });

  it("no sequence of Disable and Enable turns a broken authorization into connected", () => {
    let s: IntegrationState | null = needsReauth;
    for (let i = 0; i < 3; i++) {
      s = transition(s!, { by: "admin_disable" });
      expect(s && authorizationBroken(s)).toBe(true);
      s = transition(s!, { by: "admin_enable", now: before });
      expect(s).toEqual(needsReauth);
    }
  });

  it("classifies disable reasons and the two facts", () => {
    expect(disabledByFor("user_disconnected")).toBe("event");
    expect(disabledByFor("token_revoked")).toBe("auth");
    expect(disabledByFor("app_uninstalled")).toBe("auth");
    expect(disabledByFor("reauth_deadline_passed")).toBe("auth");
    expect(authorizationBroken(offHealthy)).toBe(false);
    expect(alertOpen(offBroken)).toBe(true);
  });
});

describe("reauthDeadline and eventActsOn", () => {
  it("defaults the deadline to occurredAt + 72 h", () => {
    expect(reauthDeadline(t0).toISOString()).toBe("2026-11-30T10:00:00.000Z");
    expect(reauthDeadline(t0, new Date("2026-12-01T00:00:00Z")).toISOString()).toBe("2026-12-01T00:00:00.000Z");
  });

  it("a disabled integration listens to integration.enabled and the authorization events only", () => {
    expect(eventActsOn("disabled", "integration.enabled")).toBe(true);
    expect(eventActsOn("disabled", "integration.reauth_required")).toBe(true);
    expect(eventActsOn("disabled", "integration.auth_restored")).toBe(true);
    expect(eventActsOn("disabled", "contacts.mapping_failed")).toBe(false);
    expect(eventActsOn("disabled", "sync.completed")).toBe(false);
    expect(eventActsOn("connected", "sync.completed")).toBe(true);
    expect(eventActsOn("disconnected", "integration.enabled")).toBe(false);
  });
});
