"use client";

import { createContext, useContext, type ReactNode } from "react";
import { avatarsFor, baseInitials, type Avatar } from "@/lib/people/avatars";

// one class pair per tone of lib/people/avatars (written out so Tailwind sees them)
const TONE_CLASSES = [
  "bg-sky-100 text-sky-900",
  "bg-amber-100 text-amber-900",
  "bg-emerald-100 text-emerald-900",
  "bg-rose-100 text-rose-900",
  "bg-violet-100 text-violet-900",
  "bg-teal-100 text-teal-900",
  "bg-orange-100 text-orange-900",
  "bg-indigo-100 text-indigo-900",
];

const Avatars = createContext<Map<string, Avatar> | null>(null);

/* Gives every PersonLabel below the avatars of the whole company, so one person looks the same in every list. */
export function AvatarsProvider({ people, children }: { people: { id: string; name: string; email: string }[]; children: ReactNode }) {
  return <Avatars.Provider value={avatarsFor(people)}>{children}</Avatars.Provider>;
}

/* Avatar, name and email of one person, with badges beside the name. */
export function PersonLabel({
  person,
  muted = false,
  children,
}: {
  person: { id: string; name: string; email: string };
  muted?: boolean;
  children?: ReactNode;
}) {
  const avatar = useContext(Avatars)?.get(person.id) ?? { initials: baseInitials(person.name), tone: 0 };
  return (
    <div className="flex min-w-0 items-center gap-3">
      <span
        aria-hidden
        data-avatar
        className={`flex h-8 w-8 shrink-0 items-center justify-center rounded-full text-xs font-semibold ${
          muted ? "bg-slate-100 text-slate-600" : TONE_CLASSES[avatar.tone % TONE_CLASSES.length]
        }`}
      >
        {avatar.initials}
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
