import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { companies, events, integrations } from "@/db/schema";
import type { Provider } from "@/lib/integrations/providers";
import { resolveSettings, type IntegrationSettings } from "@/lib/integrations/settings/schema";
import { diffSettings } from "@/lib/integrations/settings/diff";
import { formatVersion, type SettingsConflict } from "@/lib/concurrency/settings-version";
import {
  integrationSettingsConflict,
  settingsAuditEntity,
  SETTINGS_CHANGED_ACTION,
  SETTINGS_WRITE_ACTIONS,
} from "@/lib/integrations/settings/conflict";
import { insertAudit, latestAuditRow, listAuditSince, type AuditActor } from "./audit";
import { forUpdate } from "./locks";
import { transaction, type Executor } from "./tx";

/*
 * The integrations page and the settings wizard, always within one company.
 * Status changes go through lib/integrations/status-change.ts (shared with
 * event ingestion); this file adds what the pages read and the settings save.
 */

// The latest event's type (the index on events(company_id, provider, received_at) serves it).
// Events received in the same millisecond are told apart by when the provider says they happened,
// which is what "latest" means to the admin reading the card; the id (the webhook-id) only makes
// a full tie deterministic. Both columns exist on both engines, unlike SQLite's insertion-ordered
// rowid, and events carry no insertion sequence of their own.
// Outer columns are spelled out: drizzle leaves them unqualified, which would bind to `e`.
const lastEventType = sql<string | null>`(
  select e.type from ${events} e
  where e.company_id = "integrations"."company_id" and e.provider = "integrations"."provider"
  order by e.received_at desc, e.occurred_at desc, e.id desc limit 1
)`;

const cardColumns = {
  id: integrations.id,
  provider: integrations.provider,
  status: integrations.status,
  statusReason: integrations.statusReason,
  disabledBy: integrations.disabledBy,
  reauthReason: integrations.reauthReason,
  statusChangedAt: integrations.statusChangedAt,
  reauthAlertOpenedAt: integrations.reauthAlertOpenedAt,
  reauthDeadlineAt: integrations.reauthDeadlineAt,
  lastEventAt: integrations.lastEventAt,
  externalAccountId: integrations.externalAccountId,
  lastEventType,
};

export type IntegrationCard = Awaited<ReturnType<typeof getIntegrations>>[number];

/** The company's integrations with their latest event, for the integrations page. */
export async function getIntegrations({ companyId }: { companyId: string }) {
  return await db.select(cardColumns).from(integrations).where(eq(integrations.companyId, companyId)).orderBy(integrations.id);
}

/** One integration of the company, with its settings resolved against the defaults. */
export async function getIntegration({ companyId, provider }: { companyId: string; provider: Provider }) {
  const [row] = await db
    .select({ ...cardColumns, settings: integrations.settings })
    .from(integrations)
    .where(and(eq(integrations.companyId, companyId), eq(integrations.provider, provider)))
    .limit(1);
  if (!row) return undefined;
  return { ...row, settings: resolveSettings(provider, row.settings) };
}

export type SettingsActor = { userId: string; label: string };

const settingsVersionOf = async (tx: Executor, companyId: string, provider: Provider) =>
  (await latestAuditRow({ tx, companyId, entity: settingsAuditEntity(provider), actions: SETTINGS_WRITE_ACTIONS }))?.id ?? 0;

/** The version the wizard is loaded with (lib/concurrency/settings-version.ts): the last audited write of the settings. */
export async function getIntegrationSettingsVersion({
  companyId,
  provider,
  tx = db,
}: {
  companyId: string;
  provider: Provider;
  tx?: Executor;
}): Promise<string> {
  return formatVersion(await settingsVersionOf(tx, companyId, provider));
}

export type SaveIntegrationSettingsResult =
  | { found: false }
  | { found: true; changed: string[]; version: string }
  // stale: the settings were written since the wizard's version; `current` is what is saved now
  | { found: true; conflict: SettingsConflict; current: IntegrationSettings }
  | { found: true; error: string };

/**
 * Stores all tabs at once with an audit row of what changed (before → after,
 * changed fields only), in one transaction. Nothing changed: nothing written.
 * Nothing is written either when `version` (the last write the wizard was
 * loaded after) is no longer the last one: that Save would silently undo it.
 * `settings` must already be validated (lib/integrations/settings/validation.ts).
 */
export async function saveIntegrationSettings({
  companyId,
  provider,
  settings,
  version,
  actor,
  now = new Date(),
}: {
  companyId: string;
  provider: Provider;
  settings: IntegrationSettings;
  version: number;
  actor: SettingsActor;
  now?: Date;
}): Promise<SaveIntegrationSettingsResult> {
  return await transaction(async (tx): Promise<SaveIntegrationSettingsResult> => {
    const where = and(eq(integrations.companyId, companyId), eq(integrations.provider, provider));
    const [row] = await forUpdate(tx.select({ settings: integrations.settings }).from(integrations).where(where).limit(1));
    if (!row) return { found: false };
    const current = resolveSettings(provider, row.settings);
    const latest = await settingsVersionOf(tx, companyId, provider);
    if (version > latest) return { found: true, error: STRANGE_VERSION };
    if (version < latest) {
      const entity = settingsAuditEntity(provider);
      const since = (await listAuditSince({ tx, companyId, entity, actions: SETTINGS_WRITE_ACTIONS, afterId: version }))!;
      const [company] = await tx.select({ timeZone: companies.timeZone }).from(companies).where(eq(companies.id, companyId)).limit(1);
      const timeZone = company?.timeZone ?? "UTC";
      const conflict = integrationSettingsConflict({ since, current, provider, viewerUserId: actor.userId, timeZone });
      return { found: true, conflict, current };
    }
    const diff = diffSettings(current, settings);
    if (diff.paths.length === 0) return { found: true, changed: [], version: formatVersion(latest) };
    await tx.update(integrations).set({ settings }).where(where);
    const auditActor: AuditActor = { type: "user", id: actor.userId, label: actor.label };
    await insertAudit({
      tx,
      companyId,
      actor: auditActor,
      action: SETTINGS_CHANGED_ACTION,
      entity: settingsAuditEntity(provider),
      before: diff.before,
      after: diff.after,
      at: now,
    });
    return { found: true, changed: diff.paths, version: await getIntegrationSettingsVersion({ companyId, provider, tx }) };
  });
}

const STRANGE_VERSION =
  "Nothing was saved: this page's version of the settings isn't one Switchboard gave out. Reload the page, make your change again and save.";
