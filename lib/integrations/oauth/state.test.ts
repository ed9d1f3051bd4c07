import { beforeAll, describe, expect, it } from "vitest";
import { oauthStates } from "@/db/schema";
import { config, flow, admin, sessionFor, row, authorizeAt, complete, useOAuthHarness } from "../../testing/oauth-harness";

/*
 * The OAuth state (docs/product R34): bound to the admin's session, company and CRM,
 * used once, valid for 10 minutes; only company admins may start.
 */
useOAuthHarness();

// the application's own connection, opened once the harness has pointed DATABASE_URL at its file
let db: typeof import("@/db/client").db;
beforeAll(async () => {
  ({ db } = await import("@/db/client"));
});

describe("the state is bound to the admin's session, company and CRM", () => {
  it("is consumed once", async () => {
    const { params } = await authorizeAt("salesforce", "demo-acme-salesforce");
    expect((await complete("salesforce", params)).ok).toBe(true);
    expect(await complete("salesforce", params)).toEqual({ ok: false, code: "state_used" });
  });

  it("expires after 10 minutes", async () => {
    const { params } = await authorizeAt("salesforce", "demo-acme-salesforce");
    expect(await complete("salesforce", params, admin, new Date(Date.now() + 10 * 60_000 + 1))).toEqual({
      ok: false,
      code: "state_expired",
    });
  });

  it("refuses another session's, another company's or another CRM's state, without consuming it", async () => {
    const { params } = await authorizeAt("salesforce", "demo-acme-salesforce");
    expect(await complete("salesforce", params, { ...admin, sessionId: "sess_other" })).toEqual({
      ok: false,
      code: "state_mismatch",
    });
    expect(await complete("salesforce", params, await sessionFor("usr_globex_admin", "sess_globex"))).toEqual({
      ok: false,
      code: "state_mismatch",
    });
    expect(await complete("hubspot", params)).toEqual({ ok: false, code: "state_mismatch" });
    expect(await complete("salesforce", params, null)).toEqual({ ok: false, code: "signed_out" });
    expect(await complete("salesforce", new URLSearchParams({ code: "x" }))).toEqual({ ok: false, code: "state_missing" });
    expect((await complete("salesforce", params)).ok).toBe(true);
  });

  it("reports the user's denial and consumes the state", async () => {
    const { state } = await authorizeAt("zoho", "zoho-org-1", { zohoDataCenter: "eu" });
    const denied = new URLSearchParams({ error: "access_denied", state });
    expect(await complete("zoho", denied)).toEqual({ ok: false, code: "access_denied" });
    expect(await complete("zoho", denied)).toEqual({ ok: false, code: "state_used" });
    expect((await row("zoho")).status).toBe("disconnected");
  });

  it("notices a Zoho account from another data centre", async () => {
    const { params } = await authorizeAt("zoho", "zoho-org-1", { zohoDataCenter: "eu" });
    params.set("location", "us");
    expect(await complete("zoho", params)).toEqual({ ok: false, code: "zoho_wrong_dc", detail: "us" });
  });

  it("lets only company admins start, and validates the admin's choices", async () => {
    for (const userId of ["usr_acme_supervisor", "usr_acme_billing"]) {
      const started = await flow.startAuthorization({
        session: await sessionFor(userId, `sess_${userId}`),
        provider: "hubspot",
        input: {},
        config,
      });
      expect(started).toEqual({ ok: false, error: "Only company admins can connect, disable or change integrations." });
    }
    expect(await flow.startAuthorization({ session: admin, provider: "zoho", input: {}, config })).toMatchObject({
      ok: false,
      fieldErrors: { zohoDataCenter: expect.stringMatching(/data centre/) },
    });
    expect(
      await flow.startAuthorization({ session: admin, provider: "salesforce", input: { loginHost: "evil.example.com" }, config }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { loginHost: expect.stringMatching(/Salesforce host/) },
    });
    const stored = await db.select({ codeVerifier: oauthStates.codeVerifier }).from(oauthStates);
    expect(stored).toEqual([]);
  });
});
