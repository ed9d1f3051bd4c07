import { describe, expect, it } from "vitest";
import { adminOptions } from "./admin-options";

const now = new Date("2026-11-28T10:00:00Z");
const alert = {
  reauthReason: "token_revoked" as const,
  reauthAlertOpenedAt: new Date("2026-11-27T10:00:00Z"),
  reauthDeadlineAt: new Date("2026-11-30T10:00:00Z"),
};

describe("admin options (R11)", () => {
  it("offers Disable for connected and needs_reauth only", () => {
    expect(adminOptions({ status: "connected", disabledBy: null }, now)).toEqual({
      disable: true,
      enable: false,
      enableSyncs: false,
      reconnectNeeded: false,
    });
    expect(adminOptions({ status: "needs_reauth", disabledBy: null, ...alert }, now)).toEqual({
      disable: true,
      enable: false,
      enableSyncs: false,
      reconnectNeeded: true,
    });
    expect(adminOptions({ status: "disconnected", disabledBy: null }, now)).toEqual({
      disable: false,
      enable: false,
      enableSyncs: false,
      reconnectNeeded: false,
    });
  });

  it("offers Enable only when an admin disabled it; otherwise Reconnect is needed", () => {
    expect(adminOptions({ status: "disabled", disabledBy: "admin" }, now)).toEqual({
      disable: false,
      enable: true,
      enableSyncs: true,
      reconnectNeeded: false,
    });
    expect(adminOptions({ status: "disabled", disabledBy: "auth", statusReason: "token_revoked" }, now)).toEqual({
      disable: false,
      enable: false,
      enableSyncs: false,
      reconnectNeeded: true,
    });
    expect(adminOptions({ status: "disabled", disabledBy: "event", statusReason: "user_disconnected" }, now).enable).toBe(false);
  });

  it("disabled with a broken authorization: Enable returns to needs_reauth, and Reconnect is offered too", () => {
    const broken = { status: "disabled", disabledBy: "admin", statusReason: "admin", ...alert } as const;
    expect(adminOptions(broken, now)).toEqual({ disable: false, enable: true, enableSyncs: false, reconnectNeeded: true });
    // its deadline passed (the timer has not run yet): only Reconnect
    expect(adminOptions(broken, new Date("2026-11-30T10:00:00Z"))).toEqual({
      disable: false,
      enable: false,
      enableSyncs: false,
      reconnectNeeded: true,
    });
  });
});
