"use client";

import { useLayoutEffect, useRef, type ReactNode } from "react";

/**
 * The tab strip scrolls sideways on a phone; on every render the current tab
 * (aria-current="page") is brought to the middle of the strip, so the step
 * the user is on is never scrolled out of view. Only the strip scrolls, never
 * the page.
 */
export function TabScroller({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const nav = ref.current;
    const current = nav?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!nav || !current) return;
    const start = current.offsetLeft;
    const end = start + current.offsetWidth;
    if (start >= nav.scrollLeft && end <= nav.scrollLeft + nav.clientWidth) return;
    nav.scrollLeft = start - (nav.clientWidth - current.offsetWidth) / 2;
  });
  return (
    <nav ref={ref} aria-label={label} className="relative overflow-x-auto">
      {children}
    </nav>
  );
}
