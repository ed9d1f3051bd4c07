import { credentialAccountRow, hashSignInPassword } from "@/lib/auth/credential-password";
import type { DB } from "./connection";
import { accounts, companies, integrations, reportSettings, users, type Role } from "./schema";
import { type Provider, PROVIDERS } from "@/lib/integrations/providers";

/* The stable demo data of docs/product R33, shared by `npm run db:seed`, first start and tests. */

export const DEMO_PASSWORD = "switchboard-demo";

type DemoUser = { id: string; companyId: string; email: string; name: string; role: Role; active: boolean };

export const DEMO_USERS: DemoUser[] = [
  { id: "usr_acme_admin", companyId: "acme", email: "admin@acme.test", name: "Ada Admin", role: "company_admin", active: true },
  { id: "usr_acme_billing", companyId: "acme", email: "billing@acme.test", name: "Bill Ledger", role: "billing_admin", active: true },
  {
    id: "usr_acme_supervisor",
    companyId: "acme",
    email: "supervisor@acme.test",
    name: "Sue Pervisor",
    role: "company_supervisor",
    active: true,
  },
  { id: "usr_acme_agent", companyId: "acme", email: "agent@acme.test", name: "Aggie Agent", role: "agent", active: true },
  { id: "usr_acme_former", companyId: "acme", email: "former@acme.test", name: "Fred Former", role: "company_admin", active: false },
  { id: "usr_globex_admin", companyId: "globex", email: "admin@globex.test", name: "Gina Globex", role: "company_admin", active: true },
];

const DEMO_COMPANIES = [
  {
    id: "acme",
    name: "Acme Dialers",
    timeZone: "America/New_York",
    features: { filters: true },
    connected: ["hubspot", "salesforce"] as Provider[],
  },
  { id: "globex", name: "Globex", timeZone: "Europe/Berlin", features: { filters: false }, connected: ["hubspot"] as Provider[] },
];

/** Inserts what is missing of the demo data; rows already there are left as they are. */
export async function seedDemo(db: DB, now = new Date()): Promise<void> {
  // hashed before the transaction, which holds the write lock while it is open
  const hash = await hashSignInPassword(DEMO_PASSWORD);
  await db.$transaction(async (tx) => {
    for (const c of DEMO_COMPANIES) {
      await tx.insert(companies).values({ id: c.id, name: c.name, timeZone: c.timeZone, features: c.features }).onConflictDoNothing();
      await tx.insert(reportSettings).values({ companyId: c.id }).onConflictDoNothing();
      await tx
        .insert(integrations)
        .values(
          PROVIDERS.map((provider) => {
            const connected = c.connected.includes(provider);
            return {
              companyId: c.id,
              provider,
              status: connected ? ("connected" as const) : ("disconnected" as const),
              statusChangedAt: connected ? now : null,
              externalAccountId: connected ? `demo-${c.id}-${provider}` : null,
            };
          }),
        )
        .onConflictDoNothing();
    }
    await tx
      .insert(users)
      .values(DEMO_USERS.map((u) => ({ ...u, emailVerified: true, createdAt: now, updatedAt: now })))
      .onConflictDoNothing();
    await tx
      .insert(accounts)
      .values(DEMO_USERS.map((u) => credentialAccountRow({ userId: u.id, passwordHash: hash, now })))
      .onConflictDoNothing();
  });
}
