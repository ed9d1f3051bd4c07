import type { ReactNode } from "react";

function initials(name: string) {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? parts[parts.length - 1][0] : "")).toUpperCase() || "?";
}

/* Avatar, name and email of one person, with badges beside the name. */
export function PersonLabel({
  person,
  muted = false,
  children,
}: {
  person: { name: string; email: string };
  muted?: boolean;
  children?: ReactNode;
}) {
  return (
    <div className="flex min-w-0 items-center gap-3">
      <span
        aria-hidden
        className={`flex h-8 w-8 shrink-0 items-center justify-center rounded-full text-xs font-semibold ${
          muted ? "bg-slate-100 text-slate-600" : "bg-brand-50 text-brand-700"
        }`}
      >
        {initials(person.name)}
      </span>
      <div className="min-w-0">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <span className={`truncate text-sm font-medium ${muted ? "text-slate-600" : "text-slate-900"}`}>{person.name}</span>
          {children}
        </div>
        <p className="truncate text-xs text-slate-600">{person.email}</p>
      </div>
    </div>
  );
}
