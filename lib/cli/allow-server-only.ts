import { register } from "node:module";

/*
 * The app's modules mark themselves `import "server-only"`, which throws
 * outside a React Server environment. A command-line process (the worker,
 * admin:create) IS server-only, so the marker resolves to an empty module.
 * Call this before importing any app module, and import those dynamically.
 */
const SERVER_ONLY_HOOK = `
export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,export%20%7B%7D%3B", shortCircuit: true };
  return next(specifier, context);
}`;

export function allowServerOnlyImports(): void {
  register(`data:text/javascript,${encodeURIComponent(SERVER_ONLY_HOOK)}`);
}
