import type { Role } from "@/db/schema";

/* Who may do what (docs/product R2), as one table both pages and actions consult. */
export const PERMISSIONS = {
  "report-settings:view": ["company_admin", "billing_admin", "company_supervisor"],
  "report-settings:change": ["company_admin", "billing_admin"],
  "notifications:view": ["company_admin", "billing_admin", "company_supervisor"],
  "integrations:view": ["company_admin", "billing_admin", "company_supervisor"],
  "messages:retry": ["company_admin", "billing_admin"],
  "integrations:change": ["company_admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export const ROLE_LABELS: Record<Role, string> = {
  company_admin: "Company admin",
  billing_admin: "Billing admin",
  company_supervisor: "Company supervisor",
  agent: "Agent",
};

export const FORBIDDEN_MESSAGES: Record<Permission, string> = {
  "report-settings:view": "Your role cannot view Report settings.",
  "report-settings:change": "Only company admins and billing admins can change Report settings.",
  "notifications:view": "Your role cannot view notifications.",
  "integrations:view": "Your role cannot view integrations.",
  "messages:retry": "Only company admins and billing admins can retry messages.",
  "integrations:change": "Only company admins can connect, disable or change integrations.",
};
