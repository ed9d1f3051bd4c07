"use client";

import { useState } from "react";
import { ScrollRegion } from "@/components/ui/scroll-region";

const WIDTHS = [
  { px: 600, label: "Desktop", detail: "600 px" },
  { px: 375, label: "Mobile", detail: "375 px" },
] as const;

/**
 * The HTML version in a sandboxed frame (no scripts, no forms, no same-origin
 * access: nothing in an email can act on the app) at an email client's
 * desktop or phone width.
 */
export function EmailViewport({ html, title }: { html: string; title: string }) {
  const [width, setWidth] = useState<number>(600);
  return (
    <div>
      <div role="group" aria-label="Preview width" className="mb-3 inline-flex rounded-md border border-slate-300 bg-white p-0.5 shadow-sm">
        {WIDTHS.map((w) => (
          <button
            key={w.px}
            type="button"
            aria-pressed={width === w.px}
            onClick={() => setWidth(w.px)}
            className={`rounded px-3 py-1.5 text-sm font-medium ${
              width === w.px ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100"
            }`}
          >
            {w.label} <span className={width === w.px ? "text-brand-100" : "text-slate-600"}>{w.detail}</span>
          </button>
        ))}
      </div>
      <ScrollRegion label={`${title}, ${width} px wide`} className="rounded-md bg-slate-100 p-2">
        <iframe
          title={title}
          sandbox=""
          srcDoc={html}
          data-width={width}
          style={{ width: `${width}px` }}
          className="mx-auto block h-[56rem] max-w-none rounded border border-slate-200 bg-white"
        />
      </ScrollRegion>
    </div>
  );
}
