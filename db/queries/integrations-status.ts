import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { integrations } from "@/db/schema";
import type { Provider } from "@/lib/integrations/providers";
import { authorizationBroken, type IntegrationState } from "@/lib/integrations/status";
import { insertAudit, type AuditActor } from "./audit";
import { preparedOnce } from "./prepared";
import type { Executor } from "./tx";

/*
 * Status reads and writes of one integration, inside the caller's
 * transaction, with the audit row of every change (docs/product R11: "every change is
 * audited with who or which event caused it"). Only
 * lib/integrations/status-change.ts saves a change: it also keeps the re-auth
 * timers (db/queries/reauth-jobs.ts) in step and plans the change's email.
 */

// Prepared once (db/queries/prepared.ts): read by every ingested event; `tx` names the transaction it joins.
const stateOf = preparedOnce((d) =>
  d
    .select({
      id: integrations.id,
      status: integrations.status,
      statusReason: integrations.statusReason,
      disabledBy: integrations.disabledBy,
      reauthReason: integrations.reauthReason,
      reauthAlertOpenedAt: integrations.reauthAlertOpenedAt,
      reauthDeadlineAt: integrations.reauthDeadlineAt,
    })
    .from(integrations)
    .where(and(eq(integrations.companyId, sql.placeholder("companyId")), eq(integrations.provider, sql.placeholder("provider"))))
    .prepare(),
);

// Every accepted event stamps its integration; the time is bound as stored (epoch ms).
const touchLastEvent = preparedOnce((d) =>
  d
    .update(integrations)
    .set({ lastEventAt: sql`${sql.placeholder("atMs")}` })
    .where(and(eq(integrations.companyId, sql.placeholder("companyId")), eq(integrations.provider, sql.placeholder("provider"))))
    .prepare(),
);
// A status change binds its times as stored (epoch ms, or NULL).
const saveState = preparedOnce((d) => {
  const bound = (name: string) => sql`${sql.placeholder(name)}`;
  return d
    .update(integrations)
    .set({
      status: bound("status"),
      statusReason: bound("statusReason"),
      disabledBy: bound("disabledBy"),
      reauthReason: bound("reauthReason"),
      reauthAlertOpenedAt: bound("reauthAlertOpenedAtMs"),
      reauthDeadlineAt: bound("reauthDeadlineAtMs"),
      statusChangedAt: bound("atMs"),
    })
    .where(and(eq(integrations.companyId, sql.placeholder("companyId")), eq(integrations.provider, sql.placeholder("provider"))))
    .returning({ id: integrations.id })
    .prepare();
});

export function getIntegrationState({ companyId, provider }: { tx: Executor; companyId: string; provider: Provider }) {
  return stateOf().get({ companyId, provider });
}

export type StatusActor = AuditActor;

/** Stores the new state and its audit row (before → after) in the same transaction; the integration's id, if found. */
export function saveIntegrationState({
  tx,
  companyId,
  provider,
  before,
  after,
  actor,
  at,
}: {
  tx: Executor;
  companyId: string;
  provider: Provider;
  before: IntegrationState;
  after: IntegrationState;
  actor: StatusActor;
  at: Date;
}): number | undefined {
  const row = saveState().get({
    status: after.status,
    statusReason: after.statusReason,
    disabledBy: after.disabledBy,
    reauthReason: after.reauthReason,
    reauthAlertOpenedAtMs: after.reauthAlertOpenedAt?.getTime() ?? null,
    reauthDeadlineAtMs: after.reauthDeadlineAt?.getTime() ?? null,
    atMs: at.getTime(),
    companyId,
    provider,
  });
  insertAudit({
    tx,
    companyId,
    actor,
    action: `integration.${after.status}`,
    entity: `integration:${provider}`,
    before: auditView(before),
    after: auditView(after),
    at,
  });
  return row?.id;
}

function auditView(s: IntegrationState) {
  return {
    status: s.status,
    statusReason: s.statusReason,
    disabledBy: s.disabledBy,
    authorization: authorizationBroken(s) ? "broken" : "healthy",
    reauthReason: s.reauthReason,
    reauthDeadlineAt: s.reauthDeadlineAt?.toISOString() ?? null,
  };
}

export function touchIntegrationLastEvent({ companyId, provider, at }: { tx: Executor; companyId: string; provider: Provider; at: Date }) {
  touchLastEvent().run({ atMs: at.getTime(), companyId, provider });
}
