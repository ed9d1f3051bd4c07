import Link from "next/link";
import type { ReactNode } from "react";
import { TabScroller } from "./tab-scroller";

/*
 * Tabs that are pages: each tab is a link with its own URL (shareable, works
 * without JavaScript), the current one marked aria-current="page". Numbered
 * like a stepper because the wizard's tabs are also its steps.
 */
export type TabLinkItem = {
  href: string;
  label: string;
  current: boolean;
  /** Small status after the label, e.g. "Modified" or an error mark. */
  marker?: ReactNode;
};

export function TabLinks({ label, items, numbered = false }: { label: string; items: TabLinkItem[]; numbered?: boolean }) {
  return (
    <TabScroller label={label}>
      <ol className="flex min-w-max gap-1 border-b border-slate-200">
        {items.map((item, i) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={item.current ? "page" : undefined}
              className={`-mb-px flex items-center gap-2 border-b-2 px-3 py-3 text-sm font-medium transition-colors ${
                item.current
                  ? "border-brand-600 text-brand-700"
                  : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
              }`}
            >
              {numbered && (
                <span
                  aria-hidden
                  className={`flex h-6 w-6 items-center justify-center rounded-full text-xs font-semibold ${
                    item.current ? "bg-brand-600 text-white" : "bg-slate-200 text-slate-700"
                  }`}
                >
                  {i + 1}
                </span>
              )}
              <span>{item.label}</span>
              {item.marker}
            </Link>
          </li>
        ))}
      </ol>
    </TabScroller>
  );
}
