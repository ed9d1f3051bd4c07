import Link from "next/link";
import type { ReactNode } from "react";
import type { Viewer } from "@/lib/auth/session";
import { can, ROLE_LABELS } from "@/lib/auth/permissions";
import { signOut } from "@/lib/auth/sign-out-action";
import { NavLinks } from "./nav-links";

export function AppShell({ viewer, children }: { viewer: Viewer; children: ReactNode }) {
  const links = can(viewer.role, "report-settings:view")
    ? [
        { href: "/account/report-settings", label: "Report settings" },
        { href: "/integrations", label: "Integrations" },
        { href: "/notifications", label: "Notifications" },
      ]
    : [];
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3 sm:px-6">
          <div className="flex items-center gap-3">
            <Link href="/" className="text-sm font-bold uppercase tracking-widest text-brand-700">
              Switchboard
            </Link>
            <span aria-hidden className="text-slate-300">
              /
            </span>
            <span className="text-sm font-medium text-slate-800" data-testid="company-name">
              {viewer.company.name}
            </span>
          </div>
          <div className="flex items-center gap-3 text-sm">
            <span className="text-right">
              <span className="block font-medium text-slate-900">{viewer.name}</span>
              <span className="block text-xs text-slate-600">
                {viewer.email} · {ROLE_LABELS[viewer.role]}
              </span>
            </span>
            <form action={signOut}>
              <button
                type="submit"
                className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
              >
                Sign out
              </button>
            </form>
          </div>
        </div>
        {links.length > 0 && (
          <nav aria-label="Main" className="mx-auto max-w-6xl px-4 sm:px-6">
            <NavLinks links={links} />
          </nav>
        )}
      </header>
      <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">{children}</main>
    </div>
  );
}
