"use client";

import "./globals.css";
import { ErrorPanel, type ErrorBoundaryProps } from "@/components/error-panel";

/** When the root layout itself fails it is replaced whole, so this brings its own <html> and <body>. */
export default function GlobalError(props: ErrorBoundaryProps) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <title>Error · Switchboard</title>
        <main className="flex min-h-screen items-center justify-center px-4 py-12">
          <ErrorPanel {...props} />
        </main>
      </body>
    </html>
  );
}
