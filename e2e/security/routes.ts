import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { GALLERY_VARIANTS } from "@/lib/notifications/gallery";

/*
 * Every page and route handler under app/, read from the file system so a new
 * route is covered the day it is added. A dynamic segment needs a sample value
 * below; an unknown one fails the test rather than being skipped.
 */

export type AppRoute = { file: string; path: string; kind: "page" | "route"; method: "GET" | "POST" };

const SAMPLES: Record<string, string> = {
  "[provider]": "hubspot",
  "[tab]": "sync",
  "[id]": "no-such-id", // a missing message still renders a page (the not-found one)
  "[variant]": GALLERY_VARIANTS[0].id,
  "[...all]": "get-session",
};

const APP_DIR = join(process.cwd(), "app");

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return e.name.startsWith("_") ? [] : walk(full); // _folders are private, not routes
    return e.name === "page.tsx" || e.name === "route.ts" ? [full] : [];
  });
}

function urlPath(file: string): string {
  const segments = relative(APP_DIR, file).split(sep).slice(0, -1);
  const parts = segments
    .filter((s) => !(s.startsWith("(") && s.endsWith(")")))
    .map((s) => {
      if (!s.startsWith("[")) return s;
      const sample = SAMPLES[s];
      if (!sample) throw new Error(`No sample value for the segment ${s} of ${file}: add one to e2e/security/routes.ts`);
      return sample;
    });
  return "/" + parts.join("/");
}

function methodOf(file: string): "GET" | "POST" {
  const source = readFileSync(file, "utf8");
  const exported = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?function\s+([A-Z]+)\b/g)) exported.add(m[1]);
  for (const m of source.matchAll(/export\s+const\s+\{([^}]*)\}/g)) m[1].split(",").forEach((n) => exported.add(n.trim()));
  if (exported.has("GET")) return "GET";
  if (exported.has("POST")) return "POST";
  throw new Error(`${file} exports neither GET nor POST`);
}

export function appRoutes(): AppRoute[] {
  return walk(APP_DIR)
    .map((file) => {
      const kind = file.endsWith("page.tsx") ? ("page" as const) : ("route" as const);
      return {
        file: relative(process.cwd(), file),
        path: urlPath(file),
        kind,
        method: kind === "page" ? ("GET" as const) : methodOf(file),
      };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}
