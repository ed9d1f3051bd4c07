import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

const APP = "http://127.0.0.1:3100";
const back = (next: unknown) => safeReturnPath(next, APP);

/*
 * Known ways to leave a site through a "return to" parameter, as they arrive
 * after the query string is decoded (URLSearchParams / Next's searchParams).
 */
const BYPASSES: string[] = [
  "//evil.example",
  "///evil.example",
  "////evil.example/x",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r/evil.example",
  "/\r\n/evil.example",
  "/\u0000/evil.example",
  "/ /evil.example",
  "/\\evil.example",
  "/\\/evil.example",
  "\\/evil.example",
  "\\\\evil.example",
  "https://evil.example",
  "http://127.0.0.1:3100@evil.example",
  "//127.0.0.1:3100@evil.example",
  "javascript:alert(document.domain)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "evil.example",
  "/\u2028/evil.example",
  "/\u0085/evil.example",
  "/\u007f/evil.example",
  "//evil%2eexample",
  "//evil\u3002example",
  "\\\u3002/evil.example",
];

describe("safeReturnPath", () => {
  it.each(BYPASSES)("refuses %j", (next) => {
    expect(back(next)).toBe("/");
  });

  it("keeps a path of the app with its query and fragment", () => {
    expect(back("/notifications?status=failed#top")).toBe("/notifications?status=failed#top");
    expect(back("/integrations/hubspot/settings/mapping")).toBe("/integrations/hubspot/settings/mapping");
  });

  it("percent-encodes what a Location header cannot carry (the ideographic full stop gave a 500)", () => {
    expect(back("/\u3002/evil.example")).toBe("/%E3%80%82/evil.example");
    expect(back("/caf\u00e9")).toBe("/caf%C3%A9");
  });

  it("does not send the user back to sign-in, and ignores what is not one string", () => {
    expect(back("/sign-in?next=/x")).toBe("/");
    expect(back(["/a", "/b"])).toBe("/");
    expect(back(undefined)).toBe("/");
    expect(back("")).toBe("/");
  });

  it("normalises dot segments but stays on the origin", () => {
    expect(back("/a/../../..//evil.example")).toBe("/");
    expect(back("/a/./b/../c")).toBe("/a/c");
  });
});
