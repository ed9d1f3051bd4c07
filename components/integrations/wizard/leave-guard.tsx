"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { ConfirmDialog } from "@/components/ui/dialog";

/*
 * Asks before unsaved edits are lost (R16). In-app links and forms outside the
 * wizard (main navigation, sign-out) are intercepted in the capture phase,
 * before Next's <Link> or React's form handling see them, and replayed once
 * the user chooses to leave. Links to other wizard tabs pass: the draft lives
 * in the layout and survives them. Reloads, closing the tab and typed URLs are
 * the browser's own navigations: `beforeunload` makes the browser ask.
 */

type Pending = { kind: "link"; href: string } | { kind: "form"; form: HTMLFormElement; submitter: HTMLElement | null };

export function LeaveGuard({
  active,
  stayWithin,
  message,
  children,
}: {
  active: boolean;
  stayWithin: string;
  message: ReactNode;
  children: ReactNode;
}) {
  const router = useRouter();
  const root = useRef<HTMLDivElement>(null);
  const leaving = useRef(false);
  const [pending, setPending] = useState<Pending | null>(null);

  useEffect(() => {
    if (!active) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (leaving.current) return;
      e.preventDefault();
      e.returnValue = ""; // older browsers still need it to show the prompt
    };
    const onClick = (e: MouseEvent) => {
      if (leaving.current || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const anchor = (e.target as Element | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
      if (!anchor || (anchor.target && anchor.target !== "_self") || anchor.hasAttribute("download")) return;
      const url = new URL(anchor.href, window.location.href);
      if (url.origin !== window.location.origin) return; // a full page load: beforeunload asks
      if (url.pathname.startsWith(stayWithin)) return;
      e.preventDefault();
      e.stopPropagation();
      setPending({ kind: "link", href: url.pathname + url.search + url.hash });
    };
    const onSubmit = (e: SubmitEvent) => {
      const form = e.target as HTMLFormElement;
      if (leaving.current || root.current?.contains(form)) return;
      e.preventDefault();
      e.stopPropagation();
      setPending({ kind: "form", form, submitter: e.submitter });
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    document.addEventListener("submit", onSubmit, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
      document.removeEventListener("submit", onSubmit, true);
    };
  }, [active, stayWithin]);

  const leave = () => {
    const target = pending;
    setPending(null);
    if (!target) return;
    leaving.current = true;
    if (target.kind === "link") router.push(target.href);
    else target.form.requestSubmit(target.submitter instanceof HTMLButtonElement ? target.submitter : undefined);
  };

  return (
    <div ref={root}>
      {children}
      <ConfirmDialog
        open={pending !== null}
        tone="danger"
        title="Leave without saving?"
        description={message}
        cancelLabel="Stay on this page"
        confirmLabel="Leave without saving"
        onConfirm={leave}
        onCancel={() => setPending(null)}
      />
    </div>
  );
}
