import "server-only";
import { companies, integrations, reportSettings, users, accounts } from "@/db/schema";
import { PROVIDERS } from "@/lib/integrations/providers";
import { credentialAccountRow } from "@/lib/auth/credential-password";
import { insertAudit, type AuditActor } from "../audit";
import type { Executor } from "../tx";

/*
 * `npm run admin:create`: an operator's command, not a signed-in user's, so
 * it may create a company (no session company to scope by). Run both inside
 * one transaction with their audit rows.
 */

/** A company as a new one starts: the defaults of docs/product R4/R7 and every CRM disconnected. */
export async function insertCompanyWithDefaults({
  tx,
  company,
  actor,
  now,
}: {
  tx: Executor;
  company: { id: string; name: string; timeZone: string };
  actor: AuditActor;
  now: Date;
}): Promise<void> {
  await tx.insert(companies).values({ id: company.id, name: company.name, timeZone: company.timeZone, features: { filters: false } });
  // the column defaults are R4/R7: company admins receive reports, sync reports always, 15-minute digest
  await tx.insert(reportSettings).values({ companyId: company.id });
  await tx.insert(integrations).values(PROVIDERS.map((provider) => ({ companyId: company.id, provider, status: "disconnected" as const })));
  await insertAudit({
    tx,
    companyId: company.id,
    actor,
    action: "company.created",
    entity: "company",
    before: null,
    after: company,
    at: now,
  });
}

/** An active company admin who signs in with email + password (better-auth's credential account). */
export async function insertCompanyAdmin({
  tx,
  user,
  passwordHash,
  actor,
  now,
}: {
  tx: Executor;
  user: { id: string; companyId: string; email: string; name: string };
  passwordHash: string;
  actor: AuditActor;
  now: Date;
}): Promise<void> {
  await tx.insert(users).values({ ...user, role: "company_admin", active: true, emailVerified: true, createdAt: now, updatedAt: now });
  await tx.insert(accounts).values(credentialAccountRow({ userId: user.id, passwordHash, now }));
  await insertAudit({
    tx,
    companyId: user.companyId,
    actor,
    action: "user.created",
    entity: `user:${user.id}`,
    before: null,
    after: { id: user.id, email: user.email, name: user.name, role: "company_admin", active: true },
    at: now,
  });
}
