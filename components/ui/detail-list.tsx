import type { ReactNode } from "react";

/*
 * A label → value list (a message's headers, an email's facts): labels in a
 * fixed column beside their values on wide screens, stacked on narrow ones.
 */
export function DetailList({ labelWidth = "10rem", children }: { labelWidth?: "8rem" | "10rem"; children: ReactNode }) {
  const columns = labelWidth === "8rem" ? "sm:grid-cols-[8rem_minmax(0,1fr)]" : "sm:grid-cols-[10rem_minmax(0,1fr)]";
  return <dl className={`grid gap-x-6 gap-y-2 text-sm ${columns}`}>{children}</dl>;
}

export function DetailRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-medium text-slate-600">{label}</dt>
      <dd className="min-w-0 break-words text-slate-900">{children}</dd>
    </>
  );
}
