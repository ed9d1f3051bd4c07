import { connect } from "node:net";

/*
 * A hand-written HTTP/1.1 request over a raw socket, for clients no fetch
 * implementation will imitate: headers and part of a body, then silence.
 */

export type RawResponse = { status: number; headers: Record<string, string>; body: string; elapsedMs: number };

export async function stalledPost({
  port,
  path,
  headers,
  sent,
  declaredLength,
  giveUpAfterMs,
}: {
  port: number;
  path: string;
  headers: Record<string, string>;
  /** the bytes of the body that are actually sent before the client stalls */
  sent: string;
  /** Content-Length to declare; undefined sends the body chunked and never ends it */
  declaredLength?: number;
  giveUpAfterMs: number;
}): Promise<RawResponse> {
  const startedAt = performance.now();
  const socket = connect({ port, host: "127.0.0.1" });
  const lines = [`POST ${path} HTTP/1.1`, `Host: 127.0.0.1:${port}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  lines.push(declaredLength === undefined ? "Transfer-Encoding: chunked" : `Content-Length: ${declaredLength}`);
  const part = declaredLength === undefined ? `${Buffer.byteLength(sent).toString(16)}\r\n${sent}\r\n` : sent;
  try {
    return await new Promise<RawResponse>((resolve, reject) => {
      let data = Buffer.alloc(0);
      const timer = setTimeout(
        () => reject(new Error(`no complete response within ${giveUpAfterMs} ms (received: ${JSON.stringify(data.toString("latin1"))})`)),
        giveUpAfterMs,
      );
      const settle = (r: RawResponse) => {
        clearTimeout(timer);
        resolve(r);
      };
      socket.on("connect", () => socket.write(`${lines.join("\r\n")}\r\n\r\n${part}`));
      socket.on("error", (e) => {
        clearTimeout(timer);
        reject(e);
      });
      const tryParse = (ended: boolean) => {
        const text = data.toString("latin1");
        const end = text.indexOf("\r\n\r\n");
        if (end < 0) return;
        const [statusLine, ...headerLines] = text.slice(0, end).split("\r\n");
        const status = Number(statusLine.split(" ")[1]);
        const responseHeaders = Object.fromEntries(
          headerLines.map((l) => [l.slice(0, l.indexOf(":")).trim().toLowerCase(), l.slice(l.indexOf(":") + 1).trim()]),
        );
        const rest = data.subarray(Buffer.byteLength(text.slice(0, end + 4), "latin1"));
        const elapsedMs = performance.now() - startedAt;
        if (responseHeaders["content-length"] !== undefined) {
          const length = Number(responseHeaders["content-length"]);
          if (rest.length >= length)
            settle({ status, headers: responseHeaders, body: rest.subarray(0, length).toString("utf8"), elapsedMs });
        } else if (responseHeaders["transfer-encoding"] === "chunked") {
          const raw = rest.toString("latin1");
          if (!raw.includes("0\r\n\r\n")) return;
          let body = "";
          let at = 0;
          for (;;) {
            const lineEnd = raw.indexOf("\r\n", at);
            const size = parseInt(raw.slice(at, lineEnd), 16);
            if (!size) break;
            body += raw.slice(lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
          }
          settle({ status, headers: responseHeaders, body: Buffer.from(body, "latin1").toString("utf8"), elapsedMs });
        } else if (ended) {
          settle({ status, headers: responseHeaders, body: rest.toString("utf8"), elapsedMs });
        }
      };
      socket.on("data", (chunk: Buffer) => {
        data = Buffer.concat([data, chunk]);
        tryParse(false);
      });
      socket.on("end", () => tryParse(true));
    });
  } finally {
    socket.destroy();
  }
}
