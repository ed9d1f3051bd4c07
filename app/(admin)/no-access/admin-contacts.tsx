import type { Person } from "@/lib/notifications/email-props";

/* The people who can act, as the re-auth email names them; honest when there is nobody. */
export function AdminContacts({ admins, companyName }: { admins: Person[]; companyName: string }) {
  if (admins.length === 0) {
    return (
      <p className="mt-2 text-sm text-slate-700">
        {companyName} has no active company admin, so nobody in your company can act on it yet. Ask whoever manages your Switchboard account
        to give someone the company admin role.
      </p>
    );
  }
  return (
    <>
      <p className="mt-2 text-sm text-slate-700">
        A company admin of {companyName} can act on it. Forward the email to {admins.length === 1 ? "them" : "one of them"}:
      </p>
      <ul aria-label={`Company admins of ${companyName}`} className="mt-3 divide-y divide-slate-200 rounded-md border border-slate-200">
        {admins.map((admin) => (
          <li key={admin.email} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-2.5 text-sm">
            <span className="font-medium text-slate-900">{admin.name}</span>
            <a href={`mailto:${admin.email}`} className="break-all text-brand-700 underline hover:text-brand-800">
              {admin.email}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
