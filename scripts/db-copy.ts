/*
 * `npm run db:copy -- --from ./data/switchboard.db --to postgres://user:pass@host/db [--truncate]`
 *
 * Moves an existing SQLite installation's data to PostgreSQL: migrates the target, copies every
 * table in one transaction, and compares each table's row count on both sides. Stop every web
 * server and worker first. See docs/operations/moving-to-postgresql.md.
 */
import { parseArgs } from "node:util";
import { copyDatabase } from "@/db/copy/copy";
import { CopyRefused } from "@/db/copy/refusal";
import { reportHeader, reportLine, reportVerdict } from "@/db/copy/report";
import { copyPlan } from "@/db/copy/tables";

const USAGE = `Usage: npm run db:copy -- --from <sqlite file> --to <postgres://…> [--truncate]

  --from      the SQLite database file, opened read-only (e.g. ./data/switchboard.db)
  --to        the PostgreSQL URL; migrated first, and it must hold no rows
  --truncate  empty every table of the target first, in the same transaction as the copy`;

function fail(message: string, code: number): never {
  process.stderr.write(`db:copy: ${message}\n`);
  process.exit(code);
}

let options: { from?: string; to?: string; truncate?: boolean; help?: boolean };
try {
  ({ values: options } = parseArgs({
    args: process.argv.slice(2),
    options: { from: { type: "string" }, to: { type: "string" }, truncate: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    strict: true,
  }));
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`, 2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!options.from || !options.to) fail(`--from and --to are both needed.\n\n${USAGE}`, 2);
if (!/^postgres(ql)?:\/\//.test(options.to)) fail(`--to must be a postgres:// URL, got "${redact(options.to)}".`, 2);

const names = copyPlan().map((table) => table.name);
console.log(`Copying ${options.from} → ${redact(options.to)}${options.truncate ? " (emptying the target first)" : ""}\n`);
let headerPrinted = false;
try {
  const result = await copyDatabase({
    from: options.from,
    to: options.to,
    truncate: options.truncate,
    onTable: (table) => {
      // the header waits for the first table, so a refusal is not printed under it
      if (!headerPrinted) console.log(reportHeader(names));
      headerPrinted = true;
      console.log(reportLine(table, names));
    },
  });
  console.log(`\n${reportVerdict(result)}`);
  process.exitCode = result.ok ? 0 : 1;
} catch (error) {
  if (error instanceof CopyRefused) fail(`refused: ${error.message}. Nothing was written.`, 1);
  fail(
    `the copy failed and was rolled back: the target holds the rows it held before.\n  ${error instanceof Error ? error.message : String(error)}`,
    1,
  );
}

/** The URL without its password, for the terminal and logs. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return url;
  }
}
