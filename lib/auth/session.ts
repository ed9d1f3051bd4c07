import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "./auth";
import { getUserById, revokeUserSessions } from "@/db/queries/users";
import { getCompany } from "@/db/queries/companies";
import { can, FORBIDDEN_MESSAGES, type Permission } from "./permissions";
import type { Company, Role } from "@/db/schema";

export type Viewer = {
  userId: string;
  name: string;
  email: string;
  role: Role;
  companyId: string;
  company: Company;
};

/**
 * The signed-in user, read fresh from the database (role, company, active)
 * so a deactivation or role change takes effect on the next request.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session) return null;
  const user = await getUserById({ id: session.user.id });
  if (!user) return null;
  if (!user.active) {
    // however the user was deactivated, a session of theirs ends the moment it is seen
    await revokeUserSessions({ userId: user.id });
    return null;
  }
  const company = await getCompany({ companyId: user.companyId });
  if (!company) return null;
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    companyId: user.companyId,
    company,
  };
});

/** For pages: a signed-out visitor goes to sign-in, and comes back to `returnTo`. */
export async function requireViewer(returnTo: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return viewer;
}

export class ForbiddenError extends Error {
  constructor(readonly permission: Permission) {
    super(FORBIDDEN_MESSAGES[permission]);
  }
}

/** For actions: the viewer if allowed, otherwise a ForbiddenError with a clear message. */
export async function authorize(permission: Permission): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw new ForbiddenError(permission);
  if (!can(viewer.role, permission)) throw new ForbiddenError(permission);
  return viewer;
}

/**
 * For pages: signed in, and allowed; otherwise the clear "no access" page, told
 * what was asked for so it can say who can open it.
 */
export async function requirePage(permission: Permission, returnTo: string): Promise<Viewer> {
  const viewer = await requireViewer(returnTo);
  if (!can(viewer.role, permission)) redirect(`/no-access?from=${encodeURIComponent(returnTo)}`);
  return viewer;
}
