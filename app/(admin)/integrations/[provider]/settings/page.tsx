import { redirect } from "next/navigation";

/* The wizard opens on its first tab. */
export default async function SettingsIndex({ params }: { params: Promise<{ provider: string }> }) {
  const { provider } = await params;
  redirect(`/integrations/${encodeURIComponent(provider)}/settings/sync`);
}
