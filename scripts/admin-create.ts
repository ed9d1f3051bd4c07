/*
 * `npm run admin:create -- --company <slug> --company-name "<name>" --email <email>
 *    [--name "<full name>"] [--time-zone <IANA>] [--generate-password | --password-stdin]`
 *
 * Creates a company (when missing) and a company admin who signs in on the
 * normal sign-in page: how a production database gets its first account,
 * since the demo seed never runs there. See docs/operations/first-admin.md.
 */
import { parseArgs } from "node:util";
import { operatorLabel } from "@/lib/cli/operator";
import { allowServerOnlyImports } from "@/lib/cli/allow-server-only";
import { PasswordInputCancelled, promptHidden, readPasswordFromStdin } from "@/lib/cli/password-input";
import { adminPasswordProblem, generateAdminPassword, parseAdminCreateInput } from "@/lib/accounts/admin-input";
import { FIRST_ADMIN_COMMAND } from "@/lib/accounts/first-admin-hint";
import { databaseOpenFailure, describeStartupFailure } from "@/lib/startup/startup-error";

allowServerOnlyImports();

const USAGE = `Usage: ${FIRST_ADMIN_COMMAND}
         [--generate-password | --password-stdin]

  With neither password option, the password is asked twice at a hidden prompt (a terminal is needed).
  --generate-password  generate a strong password and print it once
  --password-stdin     read the password from stdin (piped), for automation
  A password is never taken on the command line. Minimum 12 characters.`;

function fail(message: string, code = 1): never {
  process.stderr.write(`admin:create: ${message}\n`);
  process.exit(code);
}

const args = process.argv.slice(2);
if (args.some((a) => a === "--password" || a.startsWith("--password="))) {
  fail(
    "a password is never taken on the command line (shell history and the process list would keep it). Leave it out to be asked, or use --password-stdin or --generate-password.",
    2,
  );
}

let options: ReturnType<typeof parseCommandLine>;
try {
  options = parseCommandLine(args);
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`, 2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}

const parsed = parseAdminCreateInput({
  company: options.company,
  companyName: options["company-name"],
  email: options.email,
  name: options.name,
  timeZone: options["time-zone"],
});
if (!parsed.ok) fail(`${parsed.errors.join("\n  ")}\n\n${USAGE}`, 2);
if (options["generate-password"] && options["password-stdin"]) fail("choose one of --generate-password and --password-stdin.", 2);

const password = await obtainPassword().catch((error: unknown) =>
  fail(error instanceof PasswordInputCancelled ? error.message : `could not read the password: ${String(error)}`),
);

// Only now touch the database: a usage error above leaves no file behind.
const { env } = await import("@/lib/env");
try {
  // migrated here too, so the first admin can exist before the server's first start
  const { db } = await import("@/db/client");
  const { migrateDatabase } = await import("@/db/setup");
  await migrateDatabase(db);
} catch (error) {
  fail(describeStartupFailure(databaseOpenFailure(env.DATABASE_URL, error)));
}
const { createCompanyAdmin } = await import("@/lib/accounts/create-company-admin");
const result = await createCompanyAdmin({
  input: parsed.input,
  password: password.value,
  actor: { type: "system", label: `admin:create (${operatorLabel()})` },
}).catch((error: unknown) =>
  fail(`could not write to DATABASE_URL=${env.DATABASE_URL}: ${error instanceof Error ? error.message : String(error)}`),
);
if (!result.ok) fail(result.error);

const { company, user } = result;
console.log(
  company.created
    ? `Created company "${company.id}" (${company.name}, ${company.timeZone}) in ${env.DATABASE_URL}.`
    : `Company "${company.id}" (${company.name}) exists in ${env.DATABASE_URL}.`,
);
console.log(`Created company admin ${user.email} (${user.name}).`);
if (password.generated) {
  console.log("");
  console.log("Generated password (shown only this once; store it in your password manager now):");
  console.log("");
  console.log(`    ${password.value}`);
  console.log("");
}
console.log(`Sign in at ${env.APP_URL}/sign-in`);
process.exit(0);

function parseCommandLine(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      company: { type: "string" },
      "company-name": { type: "string" },
      email: { type: "string" },
      name: { type: "string" },
      "time-zone": { type: "string" },
      "generate-password": { type: "boolean" },
      "password-stdin": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  }).values;
}

async function obtainPassword(): Promise<{ value: string; generated: boolean }> {
  if (options["generate-password"]) return { value: generateAdminPassword(), generated: true };
  if (options["password-stdin"]) {
    if (process.stdin.isTTY) fail("--password-stdin reads a piped password; on a terminal leave it out to be asked.", 2);
    const value = await readPasswordFromStdin();
    const problem = adminPasswordProblem(value);
    if (problem) fail(`${problem} Nothing was changed.`);
    return { value, generated: false };
  }
  if (!process.stdin.isTTY) {
    fail("no terminal to ask for the password on: pipe it with --password-stdin, or use --generate-password.", 2);
  }
  for (;;) {
    const first = await promptHidden(`Password for ${parsed.ok ? parsed.input.email : ""} (at least 12 characters): `);
    const problem = adminPasswordProblem(first);
    if (problem) {
      process.stderr.write(`${problem}\n`);
      continue;
    }
    const second = await promptHidden("The same password again: ");
    if (second === first) return { value: first, generated: false };
    process.stderr.write("The two passwords differ; try again.\n");
  }
}
