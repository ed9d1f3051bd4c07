// `npm start`: the production server. It is `next start` plus what only the
// socket knows: the address the TCP connection came from. Next passes a
// client's own X-Forwarded-For through untouched, so without this a client
// could pick the address that sign-in throttling counts it under
// (docs/decisions/0001-custom-server-for-the-peer-address.md).
//
//   node server.mjs [--port 3000] [--hostname 0.0.0.0]
import { createServer } from "node:http";
import next from "next";

const PEER_HEADER = "x-switchboard-peer";

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

process.env.NODE_ENV ??= "production";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const port = Number(option("port", process.env.PORT ?? "3000"));
const hostname = option("hostname", process.env.HOSTNAME ?? "0.0.0.0");

// Read by lib/http/client-address.ts (same process): the peer header is ours, not the client's.
globalThis.__switchboardPeerHeader = PEER_HEADER;

const app = next({ dev: false, hostname, port });
try {
  // runs instrumentation.ts: secrets, migrations, the inline worker — a failure stops the start
  await app.prepare();
} catch (error) {
  console.error(`[switchboard] The server did not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const handle = app.getRequestHandler();

const server = createServer((req, res) => {
  // whatever a client sent under this name is replaced by the socket's own address
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
  handle(req, res);
});
server.on("error", (error) => {
  console.error(`[switchboard] The server could not listen on ${hostname}:${port}: ${error.message}`);
  process.exit(1);
});
server.listen(port, hostname, () => {
  console.log(`[switchboard] Listening on http://${hostname}:${port}`);
});

// A deploy's SIGTERM: stop accepting, let requests in flight finish (10 s at most), then exit.
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
