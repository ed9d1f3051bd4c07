import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { parseLogFilters, hasFilters } from "@/lib/notifications/delivery-log-filters";
import { countRetryable } from "@/lib/notifications/retry";
import { decodeCursor } from "@/db/queries/messages";
import { listDeliveryLog } from "@/db/queries/delivery-log";
import { Card } from "@/components/ui/card";
import { formatCount } from "@/lib/notifications/format-count";
import { PageHeader } from "@/components/ui/page-header";
import { BulkRetry } from "./_components/bulk-retry";
import { LogFiltersForm } from "./_components/log-filters";
import { LogPager } from "./_components/log-pager";
import { LogTable } from "./_components/log-table";

export const metadata: Metadata = { title: "Delivery log" };
export const dynamic = "force-dynamic";

const PATH = "/notifications";
const PAGE_SIZE = 50;
// Counting stops here ("100+"): a bounded walk down an index, flat at any size; a bulk retry counts exactly when it starts.
const FAILED_CAP = 100;

type SearchParams = Record<string, string | string[] | undefined>;

export default async function DeliveryLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await requirePage("notifications:view", PATH);
  const params = await searchParams;
  const timeZone = viewer.company.timeZone;
  const { filters, query, errors, raw } = parseLogFilters(params, timeZone);
  const cursor = decodeCursor(typeof params.before === "string" ? params.before : undefined);
  const { items, next } = await listDeliveryLog({ companyId: viewer.companyId, query, before: cursor, limit: PAGE_SIZE });
  const canRetry = can(viewer.role, "messages:retry");
  const failed = canRetry ? await countRetryable({ viewer, query, cap: FAILED_CAP }) : 0;
  const failedText = failed > FAILED_CAP ? `${formatCount(FAILED_CAP)}+` : String(failed);
  const filtered = hasFilters(filters);
  const bulkParams = Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Record<string, string>;

  return (
    <div>
      <PageHeader
        title="Delivery log"
        description="Every email Switchboard planned for your company, newest first: what it was about, who it went to, and what happened to it."
        actions={
          <div className="flex gap-4">
            <Link href="/notifications/emails" className="text-sm font-medium text-brand-700 hover:underline">
              Email gallery
            </Link>
            <Link href="/notifications/mailbox" className="text-sm font-medium text-brand-700 hover:underline">
              Open the Mailbox →
            </Link>
          </div>
        }
      />
      <Card>
        <LogFiltersForm path={PATH} raw={raw} errors={errors} timeZone={timeZone} active={filtered} />
        {/* always mounted for those who may retry, so its progress and result outlive the re-render that follows */}
        {canRetry && (
          <BulkRetry
            key={JSON.stringify(bulkParams)}
            params={bulkParams}
            failed={failedText}
            summary={`${failedText} failed ${failed === 1 ? "message matches" : "messages match"} ${filtered ? "these filters" : "in the log"}.`}
          />
        )}
        {items.length === 0 ? (
          <p className="px-5 py-10 text-center text-sm text-slate-600">
            {cursor
              ? "No older messages."
              : filtered
                ? "No messages match these filters."
                : "No messages yet. They appear here when an integration reports a problem or a result, or when someone sends a test email."}
          </p>
        ) : (
          <LogTable rows={items} timeZone={timeZone} canRetry={canRetry} />
        )}
        <LogPager path={PATH} filters={filters} next={next} isFirst={!cursor} />
      </Card>
      <p className="mt-3 text-xs text-slate-600">
        Times are in the company time zone ({timeZone}). A notification for more than 50 people is sent as several messages.
      </p>
    </div>
  );
}
