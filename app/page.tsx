import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";

export default async function Home() {
  const viewer = await getViewer();
  if (!viewer) redirect("/sign-in");
  redirect(can(viewer.role, "report-settings:view") ? "/account/report-settings" : "/no-access");
}
