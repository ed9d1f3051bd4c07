/*
 * Which database this process runs on, fixed when it starts: `DATABASE_URL` unset or a file
 * path is the embedded SQLite file (the default), a `postgres://` or `postgresql://` URL is
 * PostgreSQL. Nothing else changes between the two. The places where the engines differ each
 * read this once, in one named module per concern (docs/conventions.md rule 12).
 */
export type Engine = "sqlite" | "postgres";

export const engineOf = (url: string | undefined): Engine => (url && /^postgres(ql)?:\/\//i.test(url) ? "postgres" : "sqlite");

export const engine: Engine = engineOf(process.env.DATABASE_URL);

/** `DATABASE_URL` as logs and errors may show it: a PostgreSQL URL without its password. */
export function databaseLabel(url: string): string {
  if (engineOf(url) === "sqlite") return url;
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "postgres://… (not a valid URL)";
  }
}
