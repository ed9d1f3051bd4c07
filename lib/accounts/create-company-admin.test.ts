import { describe, expect, it, vi } from "vitest";

await vi.hoisted(async () => {
  (await import("@/lib/testing/test-database-url")).useTestDatabaseUrl("admin-create");
});

import { count, desc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { useDemoDatabase } from "@/lib/testing/test-database";
import { accounts, auditLog, companies, integrations, reportSettings, users } from "@/db/schema";
import { auth } from "@/lib/auth/auth";
import { parseAdminCreateInput, type RawAdminCreateInput } from "./admin-input";
import { createCompanyAdmin } from "./create-company-admin";

const actor = { type: "system", label: "admin:create (test)" } as const;
const PASSWORD = "a-long-enough-password";

function input(raw: RawAdminCreateInput) {
  const parsed = parseAdminCreateInput(raw);
  if (!parsed.ok) throw new Error(parsed.errors.join("; "));
  return parsed.input;
}

const rowCount = async (table: typeof companies | typeof users | typeof accounts | typeof auditLog) => {
  const [row] = await db.select({ n: count() }).from(table);
  return row.n;
};
const rowCounts = async () => ({
  c: await rowCount(companies),
  u: await rowCount(users),
  a: await rowCount(accounts),
  au: await rowCount(auditLog),
});

useDemoDatabase(db);

describe("createCompanyAdmin", () => {
  it("creates a new company with the R4/R7 defaults, its admin, and audit rows for both", async () => {
    const result = await createCompanyAdmin({
      input: input({
        company: "initech",
        companyName: "Initech",
        email: "Peter@Initech.example",
        name: "Peter Gibbons",
        timeZone: "America/Chicago",
      }),
      password: PASSWORD,
      actor,
    });
    expect(result).toMatchObject({
      ok: true,
      company: { id: "initech", name: "Initech", timeZone: "America/Chicago", created: true },
      user: { email: "peter@initech.example" },
    });

    expect((await db.select().from(companies).where(eq(companies.id, "initech")).limit(1))[0]).toMatchObject({
      name: "Initech",
      timeZone: "America/Chicago",
      features: { filters: false },
    });
    expect((await db.select().from(reportSettings).where(eq(reportSettings.companyId, "initech")).limit(1))[0]).toMatchObject({
      roles: ["company_admin"],
      syncReportMode: "always",
      mappingDigestMinutes: 15,
      escalationBcc: null,
    });
    const crms = await db.select().from(integrations).where(eq(integrations.companyId, "initech"));
    expect(crms.map((i) => [i.provider, i.status]).sort()).toEqual([
      ["hubspot", "disconnected"],
      ["salesforce", "disconnected"],
      ["zoho", "disconnected"],
    ]);
    expect((await db.select().from(users).where(eq(users.email, "peter@initech.example")).limit(1))[0]).toMatchObject({
      companyId: "initech",
      name: "Peter Gibbons",
      role: "company_admin",
      active: true,
    });
    const audit = await db.select().from(auditLog).where(eq(auditLog.companyId, "initech")).orderBy(desc(auditLog.id));
    expect(audit.map((a) => [a.action, a.actorType, a.actorLabel])).toEqual([
      ["user.created", "system", "admin:create (test)"],
      ["company.created", "system", "admin:create (test)"],
    ]);
    expect(JSON.stringify(audit)).not.toContain(PASSWORD);
  });

  it("creates an admin who signs in through better-auth with that password, and only that one", async () => {
    await createCompanyAdmin({
      input: input({ company: "initech", companyName: "Initech", email: "peter@initech.example" }),
      password: PASSWORD,
      actor,
    });
    const signedIn = await auth.api.signInEmail({ body: { email: "Peter@initech.example", password: PASSWORD } });
    expect(signedIn.user).toMatchObject({ email: "peter@initech.example", name: "peter" });
    expect(signedIn.token).toBeTruthy();
    await expect(auth.api.signInEmail({ body: { email: "peter@initech.example", password: `${PASSWORD}!` } })).rejects.toThrow(
      /Invalid email or password/i,
    );
  });

  it("adds an admin to an existing company when its name matches or is left out", async () => {
    const result = await createCompanyAdmin({ input: input({ company: "acme", email: "second@acme.test" }), password: PASSWORD, actor });
    expect(result).toMatchObject({ ok: true, company: { id: "acme", name: "Acme Dialers", created: false } });
    expect((await db.select().from(users).where(eq(users.email, "second@acme.test")).limit(1))[0]).toMatchObject({
      companyId: "acme",
      role: "company_admin",
    });
  });

  it.each([
    [
      "an email already in use, whatever its case",
      { company: "initech", companyName: "Initech", email: "ADMIN@acme.test" },
      PASSWORD,
      /already exists \(company "acme"\)/,
    ],
    ["a new slug without --company-name", { company: "initech", email: "p@initech.example" }, PASSWORD, /give --company-name/],
    [
      "an existing slug with another name",
      { company: "acme", companyName: "Acme Corp", email: "p@acme.test" },
      PASSWORD,
      /already exists as "Acme Dialers"/,
    ],
    [
      "an existing slug with another time zone",
      { company: "acme", email: "p@acme.test", timeZone: "UTC" },
      PASSWORD,
      /time zone America\/New_York/,
    ],
    ["a short password", { company: "initech", companyName: "Initech", email: "p@initech.example" }, "short-pw", /at least 12 characters/],
  ])("refuses %s and changes nothing", async (_label, raw, password, error) => {
    const before = await rowCounts();
    const result = await createCompanyAdmin({ input: input(raw), password, actor });
    expect(result).toEqual({ ok: false, error: expect.stringMatching(error) });
    expect(await rowCounts()).toEqual(before);
  });
});
