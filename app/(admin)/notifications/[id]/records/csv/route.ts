import { getViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { csvHeader, csvRow } from "@/lib/notifications/records-csv";
import { getCompanyNotification, listRecords } from "@/db/queries/notification-log";

export const dynamic = "force-dynamic";

/* GET /notifications/{id}/records/csv[?code=…]: the affected records as CSV, within the viewer's company (docs/product R1, R27). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const viewer = await getViewer();
  if (!viewer) return new Response("Sign in to download records.", { status: 401 });
  if (!can(viewer.role, "notifications:view")) return new Response("Your role cannot view notifications.", { status: 403 });
  const { id } = await params;
  const notification = await getCompanyNotification({ companyId: viewer.companyId, id });
  if (!notification) return new Response("Not found.", { status: 404 });
  const code = new URL(request.url).searchParams.get("code") || null;
  const records = await listRecords({ companyId: viewer.companyId, notificationId: id, code });
  const body = csvHeader() + records.map(csvRow).join("");
  const name = `${notification.kind.replace(/_/g, "-")}-${notification.id}${code ? `-${code.replace(/[^\w-]/g, "_")}` : ""}.csv`;
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "private, no-store",
    },
  });
}
