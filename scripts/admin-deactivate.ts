/*
 * `npm run admin:deactivate -- --email <email>`
 *
 * Deactivates a user and ends every session of theirs at once, with an
 * audit row in their company: for an operator who must lock someone out
 * now (a departed employee, a leaked password). The user keeps their rows
 * and can no longer sign in or receive reports (docs/product R10).
 */
import { parseArgs } from "node:util";
import { operatorLabel } from "@/lib/cli/operator";
import { allowServerOnlyImports } from "@/lib/cli/allow-server-only";

allowServerOnlyImports();

const USAGE = "Usage: npm run admin:deactivate -- --email <email>";

function fail(message: string, code = 1): never {
  process.stderr.write(`admin:deactivate: ${message}\n`);
  process.exit(code);
}

let email: string | undefined;
try {
  email = parseArgs({ args: process.argv.slice(2), strict: true, options: { email: { type: "string" } } }).values.email;
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`, 2);
}
if (!email) fail(`--email is required.\n\n${USAGE}`, 2);

const { env } = await import("@/lib/env");
const { findUserByEmail, deactivateUser } = await import("@/db/queries/users");
const user = await findUserByEmail({ email });
if (!user) fail(`no user has the email ${email} in ${env.DATABASE_URL}. Nothing was changed.`);

const { sessionsEnded } = (await deactivateUser({
  companyId: user.companyId,
  userId: user.id,
  actor: { type: "system", label: `admin:deactivate (${operatorLabel()})` },
}))!;
console.log(
  `${user.active ? "Deactivated" : "Already deactivated:"} ${user.name} <${user.email}> of company "${user.companyId}"; ` +
    `${sessionsEnded === 1 ? "1 session" : `${sessionsEnded} sessions`} ended.`,
);
process.exit(0);
