import { describe, expect, it } from "vitest";
import { describeConsolePath } from "./no-access-target";

describe("describeConsolePath", () => {
  it.each([
    ["/integrations?reconnect=hubspot", "Reconnect HubSpot (Integrations)"],
    ["/integrations?reconnect=nope", "Integrations"],
    ["/integrations/salesforce/settings/mapping", "Salesforce settings"],
    ["/notifications/ntf_1/records?code=INVALID_EMAIL", "the affected records of a notification"],
    ["/notifications/ntf_1", "a notification in the delivery log"],
    ["/notifications", "the delivery log"],
    ["/notifications/emails/test-email", "the email gallery"],
    ["/account/report-settings", "Report settings"],
    ["/something-else", "a page of the admin console"],
  ])("%s → %s", (path, expected) => {
    expect(describeConsolePath(path)).toBe(expected);
  });
});
