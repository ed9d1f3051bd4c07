import { describe, expect, it } from "vitest";
import { adminOptions } from "./admin-options";

describe("admin options (R11)", () => {
  it("offers Disable for connected and needs_reauth only", () => {
    expect(adminOptions({ status: "connected", disabledBy: null })).toEqual({ disable: true, enable: false, reconnectNeeded: false });
    expect(adminOptions({ status: "needs_reauth", disabledBy: null })).toEqual({ disable: true, enable: false, reconnectNeeded: true });
    expect(adminOptions({ status: "disconnected", disabledBy: null })).toEqual({ disable: false, enable: false, reconnectNeeded: false });
  });

  it("offers Enable only when an admin disabled it; otherwise Reconnect is needed", () => {
    expect(adminOptions({ status: "disabled", disabledBy: "admin" })).toEqual({ disable: false, enable: true, reconnectNeeded: false });
    expect(adminOptions({ status: "disabled", disabledBy: "auth", statusReason: "token_revoked" })).toEqual({ disable: false, enable: false, reconnectNeeded: true });
    expect(adminOptions({ status: "disabled", disabledBy: "event", statusReason: "user_disconnected" }).enable).toBe(false);
  });
});
