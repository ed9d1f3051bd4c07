import { timestamp } from "drizzle-orm/pg-core";

/** Every time is a `timestamptz` read as a `Date` at millisecond precision: the SQLite schema's `timestamp_ms`. */
export const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date", precision: 3 });

export const createdAt = () => at("created_at").notNull().defaultNow();
