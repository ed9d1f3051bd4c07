import type { Metadata } from "next";
import { getViewer } from "@/lib/auth/session";
import { AppShell } from "@/components/app-shell";
import { NotFoundPanel } from "@/components/not-found-panel";

export const metadata: Metadata = { title: "Page not found" };

/*
 * An unknown URL. A signed-in visitor gets it inside the console shell, as any
 * console page; everyone else a plain page that leads to sign-in.
 */
export default async function RootNotFound() {
  const viewer = await getViewer();
  if (viewer) {
    return (
      <AppShell viewer={viewer}>
        <NotFoundPanel backHref="/" backLabel="Back to Switchboard" />
      </AppShell>
    );
  }
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <NotFoundPanel backHref="/sign-in" backLabel="Sign in to Switchboard" />
    </main>
  );
}
