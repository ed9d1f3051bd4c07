import type { ReactNode } from "react";

/**
 * A table or frame wider than a phone scrolls inside this box, never the page.
 * It is a named, focusable region so keyboard users can scroll it too, and
 * `relative` so screen-reader-only text inside (absolutely positioned) stays
 * within it instead of widening the document.
 */
export function ScrollRegion({ label, children, className = "" }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={`relative max-w-full overflow-x-auto ${className}`}>
      {children}
    </div>
  );
}
