import { defineConfig } from "eslint/config";
import next from "eslint-config-next";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

// React Compiler's checks (all the hooks rules but the two classic ones) analyse every function
// they meet, most of the lint's time; components and hooks live in .tsx files only
const compilerRules = Object.keys(reactHooks.configs.flat["recommended-latest"].rules).filter(
  (rule) => rule !== "react-hooks/rules-of-hooks" && rule !== "react-hooks/exhaustive-deps",
);

/*
 * `npm run lint`: Next's rules (React, hooks, accessibility, imports, Next's
 * own), typescript-eslint's recommended set and the React hooks rules, every
 * finding an error (--max-warnings 0). Of the rules that need type
 * information only the three about promises run (`npm run typecheck` covers
 * the rest): with an asynchronous data layer, a query or a transaction nobody
 * awaits is the likeliest bug, and one nobody would see in review.
 */
export default defineConfig(
  { ignores: [".next/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "tmp/**"] },
  ...next,
  ...tseslint.configs.recommended,
  reactHooks.configs.flat["recommended-latest"],
  {
    rules: {
      // `const { key: _dropped, ...rest } = value` is how a key is left out of a copy
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true }],
      // apostrophes and quotes are the copy's own punctuation and render as written; `>` and `}`
      // in JSX text are usually a typo for an expression, so those stay errors
      "react/no-unescaped-entities": ["error", { forbid: [">", "}"] }],
    },
  },
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
    },
  },
  {
    // the domain awaits drizzle's queries, which both engines support; `.get()`, `.all()`,
    // `.run()` and `.values()` are SQLite's alone, and transactions go through db/queries/tx.ts
    files: ["app/**", "components/**", "lib/**", "db/queries/**", "db/seed-data.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[arguments.length=0][callee.property.name=/^(all|get|run|values)$/][callee.object.type='CallExpression']",
          message: "Await the query itself (`const [row] = await q.limit(1)` for one row): .all/.get/.run/.values exist on SQLite only.",
        },
        {
          selector: "CallExpression[callee.property.name='transaction'][callee.object.name=/^(db|tx)$/]",
          message: "Use `transaction()` from @/db/queries/tx: the one transaction helper.",
        },
      ],
    },
  },
  {
    files: ["**/*.{ts,mts,cts,js,mjs,cjs}"],
    rules: Object.fromEntries(compilerRules.map((rule) => [rule, "off"])),
  },
  {
    // test helpers that register beforeAll/afterAll are named use… after Playwright's test.use;
    // there are no components here for React's rules of hooks to protect
    files: ["e2e/**", "**/*.test.ts", "lib/testing/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
);
