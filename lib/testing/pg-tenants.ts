import type pg from "pg";

/*
 * Extra tenants on a PostgreSQL database, written with plain SQL through the caller's own
 * connection (not the app's data layer): each a company with its report settings, one
 * company admin and three integrations, HubSpot and Salesforce connected, Zoho not. For
 * load that spreads over many companies: the multi-node fault test and bench:ingest
 * --tenants.
 */

export const TENANT_CONNECTED_PROVIDERS = ["hubspot", "salesforce"] as const;

/** Adds `count` tenants (tenant01, tenant02, …) and returns their ids. */
export async function addCompanies(sql: pg.Pool, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => `tenant${String(i + 1).padStart(2, "0")}`);
  const now = new Date();
  for (const id of ids) {
    await sql.query("insert into companies (id, name, time_zone) values ($1, $2, 'UTC')", [id, `Tenant ${id.slice(6)}`]);
    await sql.query("insert into report_settings (company_id) values ($1)", [id]);
    await sql.query(
      `insert into "user" (id, name, email, email_verified, company_id, role, active, created_at, updated_at)
       values ($1, $2, $3, true, $4, 'company_admin', true, $5, $5)`,
      [`usr_${id}_admin`, `Admin of ${id}`, `admin@${id}.test`, id, now],
    );
    for (const provider of ["hubspot", "salesforce", "zoho"]) {
      const connected = (TENANT_CONNECTED_PROVIDERS as readonly string[]).includes(provider);
      await sql.query(
        `insert into integrations (company_id, provider, status, status_changed_at, external_account_id)
         values ($1, $2, $3, $4, $5)`,
        [id, provider, connected ? "connected" : "disconnected", connected ? now : null, connected ? `acct-${id}-${provider}` : null],
      );
    }
  }
  return ids;
}
