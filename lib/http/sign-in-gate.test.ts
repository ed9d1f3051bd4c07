import { describe, expect, it } from "vitest";
import { requiresSignIn } from "./sign-in-gate";

// Expected values are what Next's compiled matcher of the former `config.matcher` answered.
const CASES: [string, boolean][] = [
  ["/", true],
  ["/index.rsc", true],
  ["/account", true],
  ["/account/report-settings", true],
  ["/integrations", true],
  ["/integrations/hubspot/settings/sync", true],
  ["/notifications/emails/reauth/html", true],
  ["/notifications.rsc", true],
  ["/_next/data/abc/account.json", true],
  ["/accounts", false],
  ["/integrationsx", false],
  ["/Notifications", false],
  ["/sign-in", false],
  ["/no-access", false],
  ["/oauth-sandbox/hubspot/authorize", false],
  ["/api/health", false],
  ["/api/auth/get-session", false],
  ["/_next/static/chunks/app.js", false],
  ["/favicon.ico", false],
  ["/x/account", false],
];

describe("requiresSignIn", () => {
  it.each(CASES)("%s → %s", (path, expected) => {
    expect(requiresSignIn(path)).toBe(expected);
  });
});
