import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "No access" };

export default async function NoAccessPage() {
  const viewer = await requireViewer("/no-access");
  return (
    <div className="mx-auto max-w-xl rounded-lg border border-slate-200 bg-white p-8 text-center shadow-sm">
      <h1 className="text-xl font-semibold text-slate-900">No access to the admin console</h1>
      <p className="mt-3 text-sm text-slate-700">
        You are signed in as <strong>{viewer.email}</strong> ({ROLE_LABELS[viewer.role]}). Report settings,
        integrations and notifications are available to company admins, billing admins and supervisors.
      </p>
      <p className="mt-2 text-sm text-slate-700">Ask a company admin of {viewer.company.name} if you need access.</p>
    </div>
  );
}
