/*
 * A stored email shown as sent, in a sandboxed frame: no scripts, no forms,
 * an opaque origin. Its links work as in a mail client: each opens in a new
 * tab (`allow-popups`), outside the sandbox (`…-to-escape-sandbox`), so a
 * "Reconnect" link runs the real flow with the viewer's session. The stored
 * HTML is not changed; only the copy put in the frame gets a <base> target.
 */

const BASE = '<base target="_blank">';

export function withLinksInNewTab(html: string): string {
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + BASE + html.slice(head.index + head[0].length);
  return BASE + html;
}

export function EmailFrame({ title, html, className }: { title: string; html: string; className: string }) {
  return (
    <iframe title={title} sandbox="allow-popups allow-popups-to-escape-sandbox" srcDoc={withLinksInNewTab(html)} className={className} />
  );
}
