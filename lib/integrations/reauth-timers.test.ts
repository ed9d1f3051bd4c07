import { describe, expect, it } from "vitest";
import { reminderDueAt, reminderInputsOf, reminderStillWanted, timerChange } from "./reauth-timers";
import { transition, type IntegrationState } from "./status";

const H = 3_600_000;
const T = new Date("2026-11-27T12:00:00Z");
const at = (hours: number) => new Date(T.getTime() + hours * H);

const connected: IntegrationState = {
  status: "connected",
  statusReason: null,
  disabledBy: null,
  reauthReason: null,
  reauthAlertOpenedAt: null,
  reauthDeadlineAt: null,
};
const broken = transition(connected, { by: "reauth_required", reason: "token_revoked", openedAt: at(0), deadline: at(72) })!;
const offBroken = transition(broken, { by: "admin_disable" })!;
const offHealthy = transition(connected, { by: "admin_disable" })!;

describe("reminderDueAt (docs/product R22: one reminder 24 h before the deadline)", () => {
  it("is 24 h before the deadline when the alert went out earlier than that", () => {
    expect(reminderDueAt(at(0), at(72))).toEqual(at(48));
    expect(reminderDueAt(at(47.9), at(72))).toEqual(at(48));
  });

  it("is none when the alert itself went out within 24 h of the deadline, or has no time", () => {
    expect(reminderDueAt(at(48), at(72))).toBeNull();
    expect(reminderDueAt(at(60), at(72))).toBeNull();
    expect(reminderDueAt(null, at(72))).toBeNull();
  });
});

describe("timerChange: the timers follow the alert, not the status", () => {
  it("an alert opening schedules the deadline and a reminder, paused when the integration is off", () => {
    expect(timerChange(connected, broken, at(0))).toEqual({
      op: "schedule",
      deadlineAt: at(72),
      reminder: { dueAt: at(48), status: "pending" },
    });
    const openedWhileOff = transition(offHealthy, { by: "reauth_required", reason: "token_revoked", openedAt: at(0), deadline: at(72) })!;
    expect(timerChange(offHealthy, openedWhileOff, at(0))).toEqual({
      op: "schedule",
      deadlineAt: at(72),
      reminder: { dueAt: at(48), status: "paused" },
    });
    const late = transition(connected, { by: "reauth_required", reason: "token_revoked", openedAt: at(60), deadline: at(72) })!;
    expect(timerChange(connected, late, at(60))).toEqual({ op: "schedule", deadlineAt: at(72), reminder: null });
  });

  it("every way that closes the alert cancels both", () => {
    expect(timerChange(broken, transition(broken, { by: "reconnect" })!, at(1))).toEqual({ op: "cancel" });
    expect(timerChange(broken, transition(broken, { by: "auth_restored" })!, at(1))).toEqual({ op: "cancel" });
    expect(timerChange(broken, transition(broken, { by: "disabled_event", reason: "app_uninstalled" })!, at(1))).toEqual({ op: "cancel" });
    expect(timerChange(offBroken, transition(offBroken, { by: "deadline_passed" })!, at(72))).toEqual({ op: "cancel" });
    expect(timerChange(offBroken, transition(offBroken, { by: "auth_restored" })!, at(2))).toEqual({ op: "cancel" });
  });

  it("switching off pauses the reminder; Enable resumes it, at once when its time passed meanwhile", () => {
    expect(timerChange(broken, offBroken, at(1))).toEqual({ op: "pause_reminder" });
    expect(timerChange(offBroken, transition(offBroken, { by: "admin_enable", now: at(2) })!, at(2))).toEqual({
      op: "resume_reminder",
      dueAt: at(48),
    });
    expect(timerChange(offBroken, transition(offBroken, { by: "admin_enable", now: at(50) })!, at(50))).toEqual({
      op: "resume_reminder",
      dueAt: at(50),
    });
  });

  it("changes without an alert touch no timer", () => {
    expect(timerChange(connected, offHealthy, at(1))).toEqual({ op: "none" });
    expect(timerChange(offHealthy, transition(offHealthy, { by: "admin_enable", now: at(2) })!, at(2))).toEqual({ op: "none" });
  });
});

describe("reminderStillWanted", () => {
  it("only while waiting to be reconnected and before the deadline", () => {
    expect(reminderStillWanted(broken, at(48))).toBe(true);
    expect(reminderStillWanted(broken, at(72))).toBe(false);
    expect(reminderStillWanted(offBroken, at(48))).toBe(false);
    expect(reminderStillWanted(connected, at(48))).toBe(false);
  });
});

describe("reminderInputsOf: what a reminder repeats", () => {
  const known = { reason: "token_revoked", openedAt: at(0) };

  it("is the payload stored when the alert opened", () => {
    const payload = { reason: "scopes_changed", occurredAt: at(-2).toISOString(), message: "Scopes changed", providerError: '{"code":1}' };
    expect(reminderInputsOf(payload, known)).toEqual(payload);
  });

  it("without a payload (or with a malformed one), what the integration row still knows", () => {
    expect(reminderInputsOf(null, known)).toEqual({ reason: "token_revoked", occurredAt: at(0).toISOString() });
    expect(reminderInputsOf({ reason: 7, message: null }, known)).toEqual({ reason: "token_revoked", occurredAt: at(0).toISOString() });
    expect(reminderInputsOf(null, { reason: null, openedAt: at(0) }).reason).toBe("unknown");
  });
});
