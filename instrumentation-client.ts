import { config } from "zod";

/*
 * Runs in the browser before the app hydrates. Zod probes for eval (`new
 * Function`) the first time it parses an object; under the page CSP
 * (no 'unsafe-eval', docs/security/headers.md) the probe fails and Zod falls
 * back, but the browser still reports a violation. Jitless skips the probe.
 * Browser only: the server keeps Zod's compiled parsers (event ingestion).
 */
config({ jitless: true });
