import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/session";
import { AppShell } from "@/components/app-shell";

export const dynamic = "force-dynamic";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getViewer();
  if (!viewer) redirect("/sign-in");
  return <AppShell viewer={viewer}>{children}</AppShell>;
}
