"use client";

import { useEffect, useRef, useState, type ReactNode, type RefObject } from "react";
import { useRouter } from "next/navigation";
import { ConfirmDialog } from "@/components/ui/dialog";

/*
 * Asks before unsaved edits are lost — the one guard of every settings page
 * (Report settings, the integration wizard). Three ways out are covered:
 *
 * - In-app links and forms outside the guarded area (main navigation,
 *   sign-out) are intercepted in the capture phase, before Next's <Link> or
 *   React's form handling see them, and replayed once the user chooses to leave.
 * - The browser's Back button: while there are edits, a marker history entry
 *   (same URL) sits on top of the page's own, so Back first lands on the
 *   page's own entry; a capture listener on window runs before the router's
 *   popstate listener, stops it, puts the marker back and asks. Leaving then
 *   goes two entries back, past both.
 * - Reloads, closing the tab and typed URLs are the browser's own
 *   navigations: `beforeunload` makes the browser ask.
 *
 * Paths under `stayWithin` pass (the wizard's other tabs: the draft lives in
 * the layout and survives them).
 */

type Pending = { kind: "link"; href: string } | { kind: "form"; form: HTMLFormElement; submitter: HTMLElement | null } | { kind: "back" };

const MARKER = "__unsavedChangesGuard";

const isMarker = (state: unknown) => !!state && typeof state === "object" && (state as Record<string, unknown>)[MARKER] === true;

export function LeaveGuard({
  active,
  stayWithin,
  ownForm,
  message,
  children,
}: {
  active: boolean;
  /** a path prefix whose pages keep the edits; without it only the page's own path (with another hash) passes */
  stayWithin?: string;
  /** the page's own form, when it is not among `children`: its submit (Save) passes */
  ownForm?: RefObject<HTMLFormElement | null>;
  message: ReactNode;
  children?: ReactNode;
}) {
  const router = useRouter();
  const root = useRef<HTMLDivElement>(null);
  const leaving = useRef(false);
  const [pending, setPending] = useState<Pending | null>(null);

  useEffect(() => {
    if (!active) return;
    const here = window.location.pathname;
    const stays = (pathname: string) => (stayWithin ? pathname.startsWith(stayWithin) : pathname === here);

    if (!isMarker(window.history.state)) window.history.pushState({ [MARKER]: true }, "");

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
      if (stays(url.pathname)) return;
      e.preventDefault();
      e.stopPropagation();
      setPending({ kind: "link", href: url.pathname + url.search + url.hash });
    };
    const onSubmit = (e: SubmitEvent) => {
      const form = e.target as HTMLFormElement;
      if (leaving.current || root.current?.contains(form) || ownForm?.current === form) return;
      e.preventDefault();
      e.stopPropagation();
      setPending({ kind: "form", form, submitter: e.submitter });
    };
    const onPopState = (e: PopStateEvent) => {
      // Back from the marker lands on the page's own entry: the user means to leave the page.
      if (leaving.current || isMarker(e.state) || window.location.pathname !== here) return;
      e.stopImmediatePropagation(); // the router's listener would render the entry; nothing changes yet
      window.history.pushState({ [MARKER]: true }, "");
      setPending({ kind: "back" });
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    window.addEventListener("popstate", onPopState, true);
    document.addEventListener("click", onClick, true);
    document.addEventListener("submit", onSubmit, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      window.removeEventListener("popstate", onPopState, true);
      document.removeEventListener("click", onClick, true);
      document.removeEventListener("submit", onSubmit, true);
    };
  }, [active, stayWithin, ownForm]);

  const leave = () => {
    const target = pending;
    setPending(null);
    if (!target) return;
    leaving.current = true;
    if (target.kind === "link") router.push(target.href);
    else if (target.kind === "back")
      window.history.go(-2); // past the marker and the page's own entry
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
