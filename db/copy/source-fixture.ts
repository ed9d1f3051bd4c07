import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { join } from "node:path";
import * as s from "../schema/sqlite";
import { addActivity } from "./source-fixture-activity";

/*
 * For db/copy tests: a migrated SQLite file shaped like the demo installation (two companies, their
 * users, integrations and report settings) plus a little of everything a running one accumulates,
 * so every table holds rows, including the values a copy could bend: nested and unicode JSON,
 * both booleans, null and millisecond timestamps, identity ids with gaps, and messages whose
 * recipients the trigger derives. Written through drizzle's synchronous better-sqlite3 API.
 */

export { AUDIT_ID_STEP, AUDIT_ROWS } from "./source-fixture-activity";

export function buildSourceDatabase(file: string): void {
  const sqlite = new Database(file);
  sqlite.pragma("foreign_keys = ON");
  const db = drizzle({ client: sqlite, schema: s });
  migrate(db, { migrationsFolder: join(process.cwd(), "db", "migrations") });
  const at = (iso: string) => new Date(iso);
  const now = at("2026-03-01T10:00:00.123Z");

  db.transaction((tx) => {
    tx.insert(s.companies)
      .values([
        { id: "acme", name: "Acme Dialers", timeZone: "America/New_York", features: { filters: true }, createdAt: now },
        { id: "globex", name: "Globex", timeZone: "Europe/Berlin", features: { filters: false }, createdAt: now },
      ])
      .run();
    const people = [
      {
        id: "usr_acme_admin",
        companyId: "acme",
        email: "admin@acme.test",
        name: "Ada Admin",
        role: "company_admin" as const,
        active: true,
      },
      { id: "usr_acme_former", companyId: "acme", email: "former@acme.test", name: "Fred Former", role: "agent" as const, active: false },
      {
        id: "usr_globex_admin",
        companyId: "globex",
        email: "admin@globex.test",
        name: "Gina Globex",
        role: "company_admin" as const,
        active: true,
      },
    ];
    tx.insert(s.users)
      .values(people.map((u) => ({ ...u, emailVerified: u.active, image: null, createdAt: now, updatedAt: now })))
      .run();
    tx.insert(s.accounts)
      .values(
        people.map((u) => ({
          id: `acc_${u.id}`,
          accountId: u.id,
          providerId: "credential",
          userId: u.id,
          password: "scrypt:salt:hash",
          createdAt: now,
          updatedAt: now,
        })),
      )
      .run();
    tx.insert(s.sessions)
      .values({
        id: "ses_1",
        token: "tok_1",
        userId: "usr_acme_admin",
        expiresAt: at("2026-03-08T10:00:00.999Z"),
        createdAt: now,
        updatedAt: now,
        ipAddress: "127.0.0.1",
        userAgent: null,
      })
      .run();
    tx.insert(s.verifications)
      .values({ id: "ver_1", identifier: "reset:admin@acme.test", value: "v", expiresAt: now, createdAt: null, updatedAt: null })
      .run();
    tx.insert(s.reportSettings)
      .values([
        {
          companyId: "acme",
          roles: ["company_admin", "billing_admin"],
          escalationBcc: "Audit@Acme.test",
          updatedAt: now,
          updatedBy: "usr_acme_admin",
        },
        { companyId: "globex" },
      ])
      .run();
    tx.insert(s.reportRecipients).values({ companyId: "acme", userId: "usr_acme_admin" }).run();

    // identity ids chosen, not counted: 7 and 42
    tx.insert(s.integrations)
      .values([
        {
          id: 7,
          companyId: "acme",
          provider: "hubspot",
          status: "connected",
          statusChangedAt: now,
          settings: { tabs: { contacts: { enabled: true, fields: ["email", "phone"] } }, note: "café ✓ 日本" },
          externalAccountId: "demo-acme-hubspot",
          accessTokenEnc: "v1:iv:cipher",
          createdAt: now,
        },
        {
          id: 42,
          companyId: "globex",
          provider: "zoho",
          status: "needs_reauth",
          statusReason: "token_revoked",
          reauthReason: "token_revoked",
          reauthAlertOpenedAt: now,
          reauthDeadlineAt: at("2026-03-04T10:00:00.000Z"),
          settings: null,
          zohoDataCenter: "eu",
          createdAt: now,
        },
      ])
      .run();
    addActivity(tx, now);
  });
  sqlite.close();
}
