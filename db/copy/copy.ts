import { getTableColumns } from "drizzle-orm";
import { migratePostgres, openPostgres } from "../postgres/connection";
import { CopyRefused } from "./refusal";
import { countSourceRows, openSource, sourceBatches } from "./source";
import { copyPlan } from "./tables";
import { continueIdentity, countTargetRows, emptyTables, insertRows, rowsPerInsert, suspendTriggers, tablesWithRows } from "./target";

/*
 * `npm run db:copy`: an existing SQLite installation's rows into PostgreSQL, every table of the
 * schema, in ONE PostgreSQL transaction: a copy that fails or whose counts do not match is rolled
 * back, leaving the target as it was found (empty, or still holding what --truncate would have
 * replaced).
 */

export type TableResult = { name: string; source: number; target: number };
export type CopyResult = { tables: TableResult[]; ok: boolean; elapsedMs: number };
export type CopyOptions = {
  from: string;
  to: string;
  /** Empty every table of the target first (in the same transaction), instead of refusing a target with rows. */
  truncate?: boolean;
  /** Called as each table is done, inside the transaction, before the commit is decided. */
  onTable?: (result: TableResult) => void;
};

const ROWS_PER_INSERT = 500;

class CountsDiffer extends Error {}

export async function copyDatabase(options: CopyOptions): Promise<CopyResult> {
  const started = performance.now();
  const plan = copyPlan();
  const names = plan.map((table) => table.name);
  // the source is checked before the target is touched: a refusal writes nothing anywhere
  const source = openSource(options.from);
  const target = openPostgres({ url: options.to, poolSize: 1 });
  const results: TableResult[] = [];
  try {
    if (!options.truncate) refuseRows(await tablesWithRows(target.db, names));
    await migratePostgres(target.db);

    await target.db.transaction(async (tx) => {
      if (options.truncate) await emptyTables(tx, names);
      // checked again under the transaction: rows written since the first look must not be mixed with the copy
      else refuseRows(await tablesWithRows(tx, names));
      const resumeTriggers = await suspendTriggers(tx, names);

      for (const table of plan) {
        const size = rowsPerInsert(Object.keys(getTableColumns(table.source)).length, ROWS_PER_INSERT);
        for (const batch of sourceBatches(source, table.source, size)) {
          await insertRows(tx, table.target, batch).catch((error: unknown) => {
            throw new Error(`copying ${table.name}: ${databaseMessage(error)}`, { cause: error });
          });
        }
        for (const column of table.identityColumns) await continueIdentity(tx, table.name, column);
        const result = { name: table.name, source: countSourceRows(source, table.name), target: await countTargetRows(tx, table.name) };
        results.push(result);
        options.onTable?.(result);
      }

      await resumeTriggers();
      if (results.some((result) => result.source !== result.target)) throw new CountsDiffer();
    });
    return { tables: results, ok: true, elapsedMs: performance.now() - started };
  } catch (error) {
    if (error instanceof CountsDiffer) return { tables: results, ok: false, elapsedMs: performance.now() - started };
    throw error;
  } finally {
    source.close();
    await target.close();
  }
}

function refuseRows(tables: { name: string; count: number }[]): void {
  if (tables.length === 0) return;
  const listed = tables.map((table) => `${table.name} (${table.count})`).join(", ");
  throw new CopyRefused(
    `the target already holds rows in ${tables.length} table(s): ${listed}. ` +
      "Copy into an empty database, or pass --truncate to empty every table first (in the same transaction as the copy)",
  );
}

/*
 * Drizzle's error quotes the statement and every parameter: hundreds of rows, password hashes and
 * token ciphertexts among them. The server's own words (and its detail, e.g. the key that
 * collided) say what is wrong without them.
 */
function databaseMessage(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause ?? error;
  const { message, detail } = cause as { message?: string; detail?: string };
  return [message ?? String(cause), detail].filter(Boolean).join(" — ");
}
