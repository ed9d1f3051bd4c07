"use client";

import { ErrorPanel, type ErrorBoundaryProps } from "@/components/error-panel";

/** Console pages and their server actions: the error shows inside the app shell, navigation stays usable. */
export default function AdminError(props: ErrorBoundaryProps) {
  return <ErrorPanel {...props} />;
}
