import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { safeReturnPath } from "@/lib/auth/return-path";
import { describeConsolePath } from "@/lib/auth/no-access-target";
import { companyAdminContacts } from "@/lib/notifications/admin-contacts";
import { AdminContacts } from "./admin-contacts";

export const metadata: Metadata = { title: "No access" };

/*
 * Where a signed-in user without console access lands — usually from a button in an
 * email sent to them as an additional recipient (docs/product R5). `from` is the page they asked
 * for (set by requirePage), so the page can say what it was and who can open it.
 */
export default async function NoAccessPage({ searchParams }: { searchParams: Promise<{ from?: string | string[] }> }) {
  const { from } = await searchParams;
  const target = safeReturnPath(from);
  const asked = target !== "/" && target !== "/no-access" ? target : null;
  const viewer = await requireViewer(asked ? `/no-access?from=${encodeURIComponent(asked)}` : "/no-access");
  const company = viewer.company.name;
  const admins = await companyAdminContacts({ companyId: viewer.companyId });
  return (
    <div className="mx-auto max-w-xl rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
      <h1 className="text-center text-xl font-semibold text-slate-900">No access to the admin console</h1>
      <p className="mt-3 text-center text-sm text-slate-700">
        You are signed in as <strong>{viewer.email}</strong> ({ROLE_LABELS[viewer.role]}). Report settings, integrations and notifications
        are available to company admins, billing admins and supervisors.
      </p>
      <section aria-labelledby="who-can-act" className="mt-6 border-t border-slate-200 pt-5">
        <h2 id="who-can-act" className="text-base font-semibold text-slate-900">
          {asked ? "Who can open it" : `Who can help at ${company}`}
        </h2>
        {asked && (
          <p className="mt-2 text-sm text-slate-700">
            You tried to open <strong>{describeConsolePath(asked)}</strong>{" "}
            <code className="break-all text-xs text-slate-600">{asked}</code>.
          </p>
        )}
        <AdminContacts admins={admins} companyName={company} />
        <p className="mt-4 text-sm text-slate-600">Signed in with the wrong account? Sign out, then sign in as a company admin.</p>
      </section>
    </div>
  );
}
