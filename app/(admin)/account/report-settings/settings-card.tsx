import type { ReactNode } from "react";

/* One group of settings: a titled card with help text (h3: the page has h1 and a section h2). */
export function SettingsCard({
  id,
  title,
  description,
  badge,
  children,
}: {
  id: string;
  title: ReactNode;
  description?: ReactNode;
  badge?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <header className="border-b border-slate-100 px-5 py-4 sm:px-6">
        <div className="flex flex-wrap items-center gap-2">
          <h3 id={`${id}-title`} className="text-base font-semibold text-slate-900">
            {title}
          </h3>
          {badge}
        </div>
        {description && <p className="mt-1 max-w-prose text-sm text-slate-600">{description}</p>}
      </header>
      <div className="space-y-5 px-5 py-5 sm:px-6">{children}</div>
    </section>
  );
}
