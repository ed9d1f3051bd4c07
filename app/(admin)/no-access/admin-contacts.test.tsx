import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { AdminContacts } from "./admin-contacts";

describe("AdminContacts", () => {
  it("names each admin with a mail link", () => {
    const html = renderToStaticMarkup(
      <AdminContacts companyName="Acme Dialers" admins={[{ name: "Ada Admin", email: "admin@acme.test" }]} />,
    );
    expect(html).toContain("Ada Admin");
    expect(html).toContain('href="mailto:admin@acme.test"');
    expect(html).toContain("Forward the email to them");
  });

  it("says plainly when the company has no active admin", () => {
    const html = renderToStaticMarkup(<AdminContacts companyName="Acme Dialers" admins={[]} />);
    expect(html).toContain("Acme Dialers has no active company admin");
    expect(html).not.toContain("<ul");
  });
});
