import { test } from "@playwright/test";
import { ResendStandIn } from "../../lib/testing/resend-stand-in";
import { createAppServer, type AppServer } from "./app-server";
import { resetApp } from "./clock";

/*
 * One built app wired to its own Resend stand-in, for a spec file: started
 * once, reset (data, clock and received emails) before every test, stopped
 * at the end. The returned handles forward to the live instances, so specs
 * use them like plain objects.
 */
export function useAppWithStandIn(name: string): { app: AppServer; standIn: ResendStandIn } {
  let app: AppServer | undefined;
  let standIn: ResendStandIn | undefined;

  test.describe.configure({ mode: "serial" });

  test.beforeAll(async () => {
    standIn = await ResendStandIn.start();
    app = await createAppServer({ name, env: { RESEND_BASE_URL: standIn.url } });
    await app.start();
  });

  test.afterAll(async () => {
    await app?.stop();
    await standIn?.stop();
  });

  test.beforeEach(async () => {
    await resetApp(live(() => app).url);
    live(() => standIn).reset();
  });

  return { app: forward(() => app), standIn: forward(() => standIn) };
}

function live<T>(get: () => T | undefined): T {
  const value = get();
  if (!value) throw new Error("the app is not started yet: use it inside a test or hook");
  return value;
}

function forward<T extends object>(get: () => T | undefined): T {
  return new Proxy({} as T, {
    get(_target, prop) {
      const target = live(get);
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
