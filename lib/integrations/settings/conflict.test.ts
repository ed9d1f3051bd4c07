import { describe, expect, it } from "vitest";
import { defaultSettings } from "./schema";
import { describeSettingValue, keepEditsOn, loadedSettings, settingsChanges } from "./conflict";

const row = (id: number, action: string, before: unknown) => ({
  id,
  action,
  before,
  actorId: "u",
  actorLabel: "U",
  createdAt: new Date(0),
});

describe("loadedSettings + settingsChanges", () => {
  it("puts back what the first later save found, and reads a reconnect's disposition reset", () => {
    const now = defaultSettings("hubspot");
    now.sync.contactCreation = "bidirectional";
    now.communication.missedCallTask = true;
    const since = [
      row(5, "integration.settings_changed", { "sync.contactCreation": "inbound", "communication.dispositionDirection": "crm_to_app" }),
      row(6, "integration.settings_changed", { "sync.contactCreation": "inbound", "communication.missedCallTask": false }),
      row(7, "integration.oauth_authorized", { dispositionDirection: "bidirectional", externalAccountId: "p1" }),
    ];
    const loaded = loadedSettings(now, since);
    expect(loaded["communication.dispositionDirection"]).toBe("crm_to_app");
    expect(settingsChanges(loaded, now, "hubspot").map((c) => [c.label, c.loaded, c.saved])).toEqual([
      ["Communication › Create a task for missed calls", "Off", "On"],
      ["Sync › Contact creation", "From HubSpot only", "Both ways"],
    ]);
  });

  it("words lists and choices as the wizard does", () => {
    expect(
      describeSettingValue(
        "filters.conditions",
        [
          { property: "email", operator: "contains", value: "@acme" },
          { property: "phone", operator: "is_empty", value: "" },
        ],
        "HubSpot",
      ),
    ).toBe("email contains “@acme”; phone is empty");
    expect(describeSettingValue("sync.zohoViews", [], "Zoho CRM")).toBe("None");
    expect(describeSettingValue("communication.dispositionDirection", "crm_to_app", "Salesforce")).toBe("Salesforce → Switchboard");
  });
});

describe("keepEditsOn", () => {
  it("keeps the fields the user changed and takes every other one as saved now", () => {
    const loaded = defaultSettings("hubspot");
    const fresh = structuredClone(loaded);
    fresh.communication.logSms = false; // theirs
    fresh.sync.neverOverwrite = false; // theirs, and mine below too
    const draft = structuredClone(loaded);
    draft.sync.contactCreation = "bidirectional"; // mine
    draft.sync.neverOverwrite = true; // unchanged: theirs wins
    draft.communication.dispositionDirection = "bidirectional"; // mine
    const merged = keepEditsOn("hubspot", fresh, draft, loaded);
    expect(merged.communication.logSms).toBe(false);
    expect(merged.sync.neverOverwrite).toBe(false);
    expect(merged.sync.contactCreation).toBe("bidirectional");
    expect(merged.communication.dispositionDirection).toBe("bidirectional");
    expect(merged.mapping.rows.find((r) => r.appField === "last_call_disposition")?.direction).toBe("bidirectional");
  });
});
