import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/session";
import { can, ROLE_LABELS } from "@/lib/auth/permissions";
import { env } from "@/lib/env";
import { timeZoneOptions } from "@/lib/report-settings/time-zones";
import { SETTINGS_AUDIT } from "@/lib/report-settings/changes";
import { getReportSettings, getReportSettingsVersion } from "@/db/queries/report-settings";
import { listCompanyUsers } from "@/db/queries/users";
import { listRecentBounces } from "@/db/queries/bounces";
import { now as clockNow } from "@/lib/clock";
import { formatDate } from "@/lib/format/date-time";
import { listRecentAudit } from "@/db/queries/audit";
import { getCompany } from "@/db/queries/companies";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { RecipientsForm } from "./recipients-form";
import { RecentChanges } from "./recent-changes";
import type { FormValues } from "./form-values";

export const metadata: Metadata = { title: "Report settings" };
export const dynamic = "force-dynamic";

const PATH = "/account/report-settings";

export default async function ReportSettingsPage() {
  const viewer = await requirePage("report-settings:view", PATH);
  const companyId = viewer.companyId;
  // the version first: a save landing between the two reads then makes ours look stale, never current
  const version = await getReportSettingsVersion({ companyId });
  const settings = await getReportSettings({ companyId });
  const bounces = new Map((await listRecentBounces({ companyId, now: clockNow() })).map((b) => [b.email, b]));
  const users = (await listCompanyUsers({ companyId })).map((u) => {
    const b = bounces.get(u.email.trim().toLowerCase());
    if (!b) return u;
    return { ...u, bounce: { at: b.at.toISOString(), label: formatDate(b.at, viewer.company.timeZone), description: b.description ?? "" } };
  });
  const changes = await listRecentAudit({ companyId, entity: SETTINGS_AUDIT.entity, limit: 10 });
  const readOnly = !can(viewer.role, "report-settings:change");
  // read fresh: the viewer is cached for the request, and a save may have just changed the zone
  const company = (await getCompany({ companyId })) ?? viewer.company;
  const timeZone = company.timeZone;

  const saved: FormValues = {
    roles: settings.roles,
    additionalUserIds: settings.additionalUserIds,
    // prefilled with the default so the admin sees the address in force
    escalationBcc: settings.escalationBcc ?? env.NOTIFICATIONS_BCC,
    syncReportMode: settings.syncReportMode,
    mappingDigestMinutes: String(settings.mappingDigestMinutes),
    timeZone,
  };

  return (
    <div className="space-y-8">
      <PageHeader
        title="Report settings"
        description={`Choose who at ${company.name} receives integration system reports — broken CRM connections, contact mapping errors and data-sync results — and how often.`}
      />

      <section aria-labelledby="system-reports-title" className="space-y-5">
        <div>
          <h2 id="system-reports-title" className="text-lg font-semibold text-slate-900">
            System reports recipients
          </h2>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">
            Changes apply to the next notification once saved. Deactivated users never receive reports.
          </p>
        </div>

        {readOnly && (
          <Alert tone="info" title="View only">
            You are signed in as a {ROLE_LABELS[viewer.role].toLowerCase()}, so you can see these settings but not change them. Only company
            admins and billing admins can change Report settings.
          </Alert>
        )}

        <RecipientsForm
          users={users}
          saved={saved}
          version={version}
          defaultBcc={env.NOTIFICATIONS_BCC}
          timeZones={timeZoneOptions(timeZone)}
          readOnly={readOnly}
        />
      </section>

      <RecentChanges rows={changes} timeZone={timeZone} defaultBcc={env.NOTIFICATIONS_BCC} />
    </div>
  );
}
