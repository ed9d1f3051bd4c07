import "server-only";
import type { Executor } from "@/db/queries/tx";
import { listCompanyAdmins } from "@/db/queries/users";
import type { Person } from "./email-props";

/*
 * Who a recipient without console access should turn to: the company's active
 * company admins, by name. The re-auth email lists them (docs/product R28) and the
 * no-access page names the same people, so both read them here. Scoped to one
 * company; deactivated admins are never named. A re-auth alert reads them on
 * the transaction that plans it (`tx`); the page reads them outside any.
 */
export async function companyAdminContacts({ tx, companyId }: { tx?: Executor; companyId: string }): Promise<Person[]> {
  return await listCompanyAdmins({ tx, companyId });
}
