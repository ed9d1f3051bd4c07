import { register } from "node:module";

/*
 * Loads the app's server modules in a plain Node process (like
 * lib/worker-main.ts does): `server-only` resolves to an empty
 * module, and the environment is set BEFORE lib/env.ts reads it.
 */

const SERVER_ONLY_HOOK = `
export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,export%20%7B%7D%3B", shortCircuit: true };
  return next(specifier, context);
}`;

let registered = false;

export function allowServerOnly(env: Record<string, string>): void {
  Object.assign(process.env, env);
  if (registered) return;
  register(`data:text/javascript,${encodeURIComponent(SERVER_ONLY_HOOK)}`);
  registered = true;
}
