/* What an operator types to create the first company and admin; printed by a start on an empty database. */
export const FIRST_ADMIN_COMMAND =
  'npm run admin:create -- --company <slug> --company-name "<name>" --email <email> [--name "<full name>"] [--time-zone <IANA zone>]';

export const FIRST_ADMIN_DOC = "docs/operations/first-admin.md";
