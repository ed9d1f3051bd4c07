import "server-only";
import { and, eq } from "drizzle-orm";
import { integrations } from "@/db/schema";
import type { Provider } from "@/lib/integrations/providers";
import { authorizationBroken, type IntegrationState } from "@/lib/integrations/status";
import { insertAudit, type AuditActor } from "./audit";
import { forUpdate } from "./locks";
import { columnParams, param, preparedOnce } from "./prepared";
import type { Executor } from "./tx";

/*
 * Status reads and writes of one integration, on the caller's transaction
 * `tx`, with the audit row of every change (docs/product R11: "every change is
 * audited with who or which event caused it"). Only
 * lib/integrations/status-change.ts saves a change: it also keeps the re-auth
 * timers (db/queries/reauth-jobs.ts) in step and plans the change's email.
 */

const byIntegration = and(eq(integrations.companyId, param("companyId")), eq(integrations.provider, param("provider")));

// the accepting transaction and every status change decide on this read: it locks the row (./locks.ts)
const stateOf = preparedOnce((tx) =>
  forUpdate(
    tx
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
      .where(byIntegration)
      .limit(1),
  ).prepare(),
);

export async function getIntegrationState({ tx, companyId, provider }: { tx: Executor; companyId: string; provider: Provider }) {
  const [row] = await stateOf(tx).execute({ companyId, provider });
  return row;
}

export type StatusActor = AuditActor;

const saveState = preparedOnce((tx) =>
  tx
    .update(integrations)
    .set(
      columnParams(integrations, [
        "status",
        "statusReason",
        "disabledBy",
        "reauthReason",
        "reauthAlertOpenedAt",
        "reauthDeadlineAt",
        "statusChangedAt",
      ]),
    )
    .where(byIntegration)
    .returning({ id: integrations.id })
    .prepare(),
);

/** Stores the new state and its audit row (before → after) in the same transaction; the integration's id, if found. */
export async function saveIntegrationState({
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
}): Promise<number | undefined> {
  const [row] = await saveState(tx).execute({
    companyId,
    provider,
    status: after.status,
    statusReason: after.statusReason,
    disabledBy: after.disabledBy,
    reauthReason: after.reauthReason,
    reauthAlertOpenedAt: after.reauthAlertOpenedAt,
    reauthDeadlineAt: after.reauthDeadlineAt,
    statusChangedAt: at,
  });
  await insertAudit({
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

const touchLastEvent = preparedOnce((tx) =>
  tx
    .update(integrations)
    .set(columnParams(integrations, ["lastEventAt"]))
    .where(byIntegration)
    .prepare(),
);

/** Every accepted event stamps its integration. */
export async function touchIntegrationLastEvent({
  tx,
  companyId,
  provider,
  at,
}: {
  tx: Executor;
  companyId: string;
  provider: Provider;
  at: Date;
}): Promise<void> {
  await touchLastEvent(tx).execute({ companyId, provider, lastEventAt: at });
}
