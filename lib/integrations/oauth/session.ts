import "server-only";
import { headers } from "next/headers";
import { auth } from "@/lib/auth/auth";
import { getViewer } from "@/lib/auth/session";
import type { OAuthSession } from "./flow";

/** The signed-in admin and the id of the session an OAuth state is bound to (docs/product R34); null when signed out. */
export async function currentOAuthSession(): Promise<OAuthSession | null> {
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session) return null;
  const viewer = await getViewer();
  if (!viewer || viewer.userId !== session.user.id) return null;
  return { viewer, sessionId: session.session.id };
}
