import "server-only";
import { listCompanyAdmins } from "@/db/queries/users";
import type { Person } from "./email-props";

/*
 * Who a recipient without console access should turn to: the company's active
 * company admins, by name. The re-auth email lists them (docs/product R28) and the
 * no-access page names the same people, so both read them here. Scoped to one
 * company; deactivated admins are never named.
 */
export function companyAdminContacts({ companyId }: { companyId: string }): Person[] {
  return listCompanyAdmins({ companyId });
}
