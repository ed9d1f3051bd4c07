"use client";

import { ErrorPanel, type ErrorBoundaryProps } from "@/components/error-panel";

/** Pages outside the console (sign-in, the OAuth sandbox): a failure keeps the root layout. */
export default function RootError(props: ErrorBoundaryProps) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <ErrorPanel {...props} />
    </main>
  );
}
