import { describe, expect, it, vi } from "vitest";

await vi.hoisted(async () => {
  (await import("@/lib/testing/test-database-url")).useTestDatabaseUrl("log");
});

import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { engine } from "@/db/engine";
import { useDemoDatabase } from "@/lib/testing/test-database";
import { auditLog, messageRecipients, messages, notifications } from "@/db/schema";
import { parseLogFilters } from "@/lib/notifications/delivery-log-filters";
import { decodeCursor } from "./messages";
import { countFailedMessages, deliveryLogStatement, listDeliveryLog, listFailedMessageIds } from "./delivery-log";
import { retryFailedMessages } from "./message-retry";

const T = new Date("2026-11-27T12:00:00Z").getTime();
const KINDS = ["sync_report", "mapping_errors", "reauth_required"] as const;
const PROVIDERS = ["hubspot", "salesforce"] as const;
const STATUSES = ["sent", "failed", "delivered", "queued"] as const;

/** Message i: kinds, CRMs and statuses rotate; every third also goes to sam@acme.test; one minute apart. */
async function seedMessages(count: number, { companyId = "acme", offset = 0 } = {}) {
  await db
    .insert(notifications)
    .values({ id: "ntf_log", companyId, provider: "hubspot", kind: "sync_report", props: {}, createdAt: new Date(T) })
    .onConflictDoNothing();
  const rows = [];
  for (let i = offset; i < offset + count; i++) {
    const id = `msg_${companyId}_${String(i).padStart(5, "0")}`;
    rows.push({
      id,
      notificationId: "ntf_log",
      companyId,
      kind: KINDS[i % 3],
      provider: PROVIDERS[i % 2],
      part: 1,
      to: i % 3 === 0 ? ["admin@acme.test", "Sam@Acme.test"] : ["admin@acme.test"],
      bcc: i % 5 === 0 ? "esc@acme.test" : null,
      status: STATUSES[i % 4],
      idempotencyKey: id,
      plannedAt: new Date(T + i * 60_000),
      updatedAt: new Date(T),
    });
  }
  await db.insert(messages).values(rows);
}

const filters = (params: Record<string, string>) => parseLogFilters(params, "UTC").query;
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

/** Every page from the start, following the cursor. */
async function allPages(params: Record<string, string>, limit = 7) {
  const seen: string[] = [];
  let before = null;
  for (let guard = 0; guard < 1000; guard++) {
    const page = await listDeliveryLog({ companyId: "acme", query: filters(params), before, limit });
    seen.push(...ids(page.items));
    if (!page.next) break;
    before = decodeCursor(page.next);
  }
  return seen;
}

useDemoDatabase(db);

describe("delivery log query", () => {
  it("lists newest first and pages through everything exactly once", async () => {
    await seedMessages(60);
    const seen = await allPages({});
    expect(seen).toHaveLength(60);
    expect(new Set(seen).size).toBe(60);
    expect(seen[0]).toBe("msg_acme_00059");
    expect(seen.at(-1)).toBe("msg_acme_00000");
  });

  it("filters combine: type AND CRM AND status AND recipient AND dates", async () => {
    await seedMessages(120);
    const all = await db.select().from(messages);
    const expected = all
      .filter(
        (m) =>
          m.kind === "sync_report" &&
          m.provider === "hubspot" &&
          m.status === "sent" &&
          m.to.map((t) => t.toLowerCase()).includes("sam@acme.test"),
      )
      .filter(
        (m) => m.plannedAt.getTime() >= Date.parse("2026-11-27T13:00:00Z") && m.plannedAt.getTime() < Date.parse("2026-11-28T00:00:00Z"),
      )
      .sort((a, b) => b.plannedAt.getTime() - a.plannedAt.getTime())
      .map((m) => m.id);
    expect(expected.length).toBeGreaterThan(0);
    // 13:00 is 60 minutes in: from the 27th with the clock at UTC, ending the 27th
    const params = {
      kind: "sync_report",
      provider: "hubspot",
      status: "sent",
      recipient: "SAM@acme.test",
      from: "2026-11-27",
      to: "2026-11-27",
    };
    const got = (await allPages(params, 2)).filter((id) => Number(id.slice(-5)) >= 60);
    expect(got).toEqual(expected);
    // each filter alone narrows too
    expect(await allPages({ kind: "mapping_errors" })).toHaveLength(40);
    expect(await allPages({ provider: "salesforce" })).toHaveLength(60);
    expect(await allPages({ status: "failed" })).toHaveLength(30);
    expect(await allPages({ recipient: "sam@acme.test" })).toHaveLength(40);
    expect(await allPages({ recipient: "esc@acme.test" })).toHaveLength(24); // the BCC counts as a recipient
    expect(await allPages({ recipient: "sam@acme.test", status: "failed" })).toEqual(
      ids(all.filter((m) => m.status === "failed" && m.to.includes("Sam@Acme.test")))
        .sort()
        .reverse(),
    );
    expect((await listDeliveryLog({ companyId: "globex", query: {} })).items).toEqual([]);
  });

  it("stays stable while new messages arrive: the next page continues where the last ended", async () => {
    await seedMessages(30);
    const first = await listDeliveryLog({ companyId: "acme", query: {}, limit: 10 });
    await seedMessages(15, { offset: 30 }); // newer than everything on page one
    const second = await listDeliveryLog({ companyId: "acme", query: {}, before: decodeCursor(first.next!), limit: 10 });
    expect(ids(first.items).at(-1)).toBe("msg_acme_00020");
    expect(ids(second.items)[0]).toBe("msg_acme_00019");
    expect(ids(second.items)).toHaveLength(10);
    expect(ids(second.items).some((id) => ids(first.items).includes(id))).toBe(false);
  });

  // EXPLAIN QUERY PLAN is SQLite's; PostgreSQL's plans are checked in the test after this one
  it.skipIf(engine === "postgres")("uses an index in page order for every filter: no sort step, no full scan", async () => {
    await seedMessages(10);
    const cases: Record<string, string>[] = [
      {},
      { kind: "sync_report" },
      { provider: "hubspot" },
      { status: "failed" },
      { recipient: "sam@acme.test" },
      { from: "2026-11-27" },
      { kind: "sync_report", status: "failed" },
      { recipient: "sam@acme.test", status: "failed" },
      { recipient: "sam@acme.test", status: "sent" },
    ];
    for (const params of cases) {
      const query = listDeliveryLogSql(params);
      const plan = db.$client.prepare(`explain query plan ${query.sql}`).all(...(query.params as unknown[])) as { detail: string }[];
      const text = plan.map((p) => p.detail).join(" | ");
      expect(text, JSON.stringify(params)).not.toMatch(/TEMP B-TREE/);
      expect(text, JSON.stringify(params)).toMatch(/USING (COVERING )?INDEX (messages_company|message_recipients_company)/);
    }
    // a rare status leads; a common one gives way to the type's index
    const planOf = (params: Record<string, string>) => {
      const q = listDeliveryLogSql(params);
      return (db.$client.prepare(`explain query plan ${q.sql}`).all(...(q.params as unknown[])) as { detail: string }[])
        .map((p) => p.detail)
        .join(" | ");
    };
    expect(planOf({ kind: "sync_report", provider: "hubspot", status: "failed" })).toMatch(/INDEX messages_company_status_planned/);
    expect(planOf({ kind: "sync_report", status: "sent" })).toMatch(/INDEX messages_company_kind_planned/);
    expect(planOf({ recipient: "sam@acme.test", status: "failed" })).toMatch(/INDEX messages_company_status_planned/);
    expect(planOf({ recipient: "sam@acme.test", status: "sent" })).toMatch(/INDEX message_recipients_company_email_planned/);
  });

  it.runIf(engine === "postgres")("on PostgreSQL too, each page walks an index in page order: no sort, no full scan", async () => {
    await seedManyMessages(20_000);
    for (const params of PLAN_CASES) {
      const nodes = nodesOf(await postgresPlan(params));
      const text = nodes.map((n) => `${n["Node Type"]} ${n["Index Name"] ?? n["Relation Name"] ?? ""}`).join(" > ");
      expect(text, JSON.stringify(params)).not.toMatch(/Sort|Seq Scan|Bitmap/);
      // the first scan is the one that walks the page's order
      const first = nodes.find((n) => n["Node Type"].endsWith("Scan"));
      expect(first?.["Index Name"], `${JSON.stringify(params)}: ${text}`).toMatch(/^(messages_company|message_recipients_company)/);
    }
    // with ANALYZE's figures the planner lets a rare status lead by itself
    const leading = async (params: Record<string, string>) =>
      nodesOf(await postgresPlan(params)).find((n) => n["Index Name"])?.["Index Name"];
    expect(await leading({ kind: "sync_report", provider: "hubspot", status: "failed" })).toBe("messages_company_status_planned");
    expect(await leading({ recipient: "sam@acme.test", status: "failed" })).toBe("messages_company_status_planned");
    expect(await leading({ recipient: "sam@acme.test", status: "sent" })).toBe("message_recipients_company_email_planned");
  });

  it("retries failed messages with a new key, once, audited; counts follow the filters", async () => {
    await seedMessages(40);
    const query = filters({ provider: "salesforce" });
    const snapshot = new Date(T + 3_600_000);
    expect(await countFailedMessages({ companyId: "acme", query })).toBe(10);
    const batch = await listFailedMessageIds({ companyId: "acme", query, plannedAtMost: snapshot, limit: 4 });
    expect(batch).toHaveLength(4);
    const actor = { type: "user" as const, id: "usr_acme_admin", label: "Ada Admin <admin@acme.test>" };
    const now = new Date(T + 7_200_000);
    const retried = await retryFailedMessages({ companyId: "acme", ids: batch, actor, now });
    expect(retried.map((r) => r.idempotencyKey).sort()).toEqual(batch.map((id) => `${id}:retry1`).sort());
    expect(await retryFailedMessages({ companyId: "acme", ids: batch, actor, now })).toEqual([]); // a double click
    const [m] = await db.select().from(messages).where(eq(messages.id, batch[0]));
    expect(m).toMatchObject({ status: "queued", attempts: 0, retryCount: 1, nextAttemptAt: now, plannedAt: now, lastError: null });
    const recipients = await db.select().from(messageRecipients).where(eq(messageRecipients.messageId, batch[0]));
    expect(recipients.every((r) => r.plannedAt.getTime() === now.getTime())).toBe(true);
    expect(await db.select().from(auditLog).where(eq(auditLog.action, "message.retried"))).toHaveLength(4);
    expect(await countFailedMessages({ companyId: "acme", query, plannedAtMost: snapshot })).toBe(6);
    // another company's ids change nothing
    expect(await retryFailedMessages({ companyId: "globex", ids: ["msg_acme_00005"], actor, now })).toEqual([]);
    // failed again after the retry: planned after the snapshot, not taken again by the same bulk run
    await db.update(messages).set({ status: "failed" }).where(eq(messages.id, batch[0]));
    expect(await listFailedMessageIds({ companyId: "acme", query, plannedAtMost: snapshot, limit: 100 })).not.toContain(batch[0]);
  });
});

/** The SQL the log runs for these params (first page), for EXPLAIN. */
function listDeliveryLogSql(params: Record<string, string>) {
  return deliveryLogStatement({ companyId: "acme", query: filters(params), limit: 51 }).toSQL();
}

const PLAN_CASES: Record<string, string>[] = [
  {},
  { kind: "sync_report" },
  { provider: "hubspot" },
  { status: "failed" },
  { status: "delivered" },
  { recipient: "sam@acme.test" },
  { from: "2026-11-27" },
  { kind: "sync_report", status: "failed" },
  { kind: "sync_report", status: "sent" },
  { kind: "sync_report", provider: "hubspot", status: "failed" },
  { recipient: "sam@acme.test", status: "failed" },
  { recipient: "sam@acme.test", status: "sent" },
];

type PlanNode = { "Node Type": string; "Index Name"?: string; "Relation Name"?: string; Plans?: PlanNode[] };

/** Every node of a plan, depth first. */
function nodesOf(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodesOf)];
}

/** PostgreSQL's plan for the log's first page with these params. */
async function postgresPlan(params: Record<string, string>): Promise<PlanNode> {
  const query = listDeliveryLogSql(params);
  const pg = db as unknown as {
    $client: { query(text: string, values: unknown[]): Promise<{ rows: { "QUERY PLAN": { Plan: PlanNode }[] }[] }> };
  };
  const { rows } = await pg.$client.query(`explain (format json) ${query.sql}`, query.params as unknown[]);
  return rows[0]["QUERY PLAN"][0].Plan;
}

/**
 * A company's log at a realistic size, generated by the server: most messages sent or
 * delivered, one in 23 failed and one in 23 still queued, kinds and CRMs rotating, every third
 * to sam, another company's as many beside them; then ANALYZE, so the planner knows all that.
 * The planner weighs costs: with only a page or two of rows matching (a few thousand messages),
 * a bitmap scan and sorting those few rows is legitimately as cheap, so the plans are checked
 * at a size where walking the index in order is the clear choice, as it is at a million rows.
 */
async function seedManyMessages(count: number) {
  await db
    .insert(notifications)
    .values({ id: "ntf_log", companyId: "acme", provider: "hubspot", kind: "sync_report", props: {}, createdAt: new Date(T) })
    .onConflictDoNothing();
  const pg = db as unknown as { execute(query: ReturnType<typeof sql>): Promise<unknown> };
  await pg.execute(sql`
    insert into messages (id, notification_id, company_id, kind, provider, part, "to", bcc, status, idempotency_key, planned_at, updated_at)
    select 'msg_' || c.id || '_' || i, 'ntf_log', c.id,
      (array['sync_report', 'mapping_errors', 'reauth_required'])[i % 3 + 1], (array['hubspot', 'salesforce'])[i % 2 + 1], 1,
      case when i % 3 = 0 then '["admin@acme.test", "Sam@Acme.test"]'::jsonb else '["admin@acme.test"]'::jsonb end,
      case when i % 5 = 0 then 'esc@acme.test' end,
      case when i % 23 = 7 then 'failed' when i % 23 = 8 then 'queued' when i % 3 = 1 then 'sent' else 'delivered' end,
      'msg_' || c.id || '_' || i, to_timestamp(${T / 1000} + i * 60), to_timestamp(${T / 1000})
    from generate_series(1, ${count}) i, (values ('acme'), ('globex')) c(id)`);
  await pg.execute(sql`analyze messages`);
  await pg.execute(sql`analyze message_recipients`);
}
