import "server-only";
import { randomUUID } from "node:crypto";
import { transaction } from "@/db/queries/tx";
import { getCompany } from "@/db/queries/companies";
import { findUserByEmail } from "@/db/queries/users";
import { insertCompanyAdmin, insertCompanyWithDefaults } from "@/db/queries/system/company-admin";
import type { AuditActor } from "@/db/queries/audit";
import { hashSignInPassword } from "@/lib/auth/credential-password";
import { adminPasswordProblem, defaultAdminName, type AdminCreateInput } from "./admin-input";

export type CreateCompanyAdminResult =
  | {
      ok: true;
      company: { id: string; name: string; timeZone: string; created: boolean };
      user: { id: string; email: string; name: string };
    }
  | { ok: false; error: string };

/*
 * Creates the company when it does not exist yet and a company admin in it.
 * The checks run inside the writing transaction, so two operators racing on
 * the same email or slug cannot both succeed. Refusals change nothing.
 */
export async function createCompanyAdmin({
  input,
  password,
  actor,
  now = new Date(),
}: {
  input: AdminCreateInput;
  password: string;
  actor: AuditActor;
  now?: Date;
}): Promise<CreateCompanyAdminResult> {
  const problem = adminPasswordProblem(password);
  if (problem) return { ok: false, error: problem };
  const passwordHash = await hashSignInPassword(password);
  const user = {
    id: `usr_${randomUUID().replaceAll("-", "")}`,
    companyId: input.company,
    email: input.email,
    name: input.name ?? defaultAdminName(input.email),
  };

  return await transaction(async (tx): Promise<CreateCompanyAdminResult> => {
    const taken = await findUserByEmail({ email: input.email, tx });
    if (taken) {
      return {
        ok: false,
        error: `A user with the email ${input.email} already exists (company "${taken.companyId}"). Nothing was changed.`,
      };
    }
    const existing = await getCompany({ companyId: input.company, tx });
    if (existing) {
      const mismatch = existingCompanyMismatch(existing, input);
      if (mismatch) return { ok: false, error: mismatch };
      await insertCompanyAdmin({ tx, user, passwordHash, actor, now });
      return { ok: true, company: { id: existing.id, name: existing.name, timeZone: existing.timeZone, created: false }, user };
    }
    if (!input.companyName) {
      return { ok: false, error: `There is no company "${input.company}" yet: give --company-name to create it. Nothing was changed.` };
    }
    const company = { id: input.company, name: input.companyName, timeZone: input.timeZone ?? "UTC" };
    await insertCompanyWithDefaults({ tx, company, actor, now });
    await insertCompanyAdmin({ tx, user, passwordHash, actor, now });
    return { ok: true, company: { ...company, created: true }, user };
  });
}

// A name or zone that differs from the stored company's is most likely a mistyped slug: adding an admin to the wrong tenant is worse than refusing.
function existingCompanyMismatch(company: { id: string; name: string; timeZone: string }, input: AdminCreateInput): string | null {
  if (input.companyName && input.companyName !== company.name) {
    return `The company "${company.id}" already exists as "${company.name}", not "${input.companyName}". Check --company, or leave out --company-name to add the admin to it. Nothing was changed.`;
  }
  if (input.timeZone && input.timeZone !== company.timeZone) {
    return `The company "${company.id}" already exists with the time zone ${company.timeZone}, not ${input.timeZone}. Leave out --time-zone (change it on Report settings). Nothing was changed.`;
  }
  return null;
}
