import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { createClient } from "@matchplace/client";
import type { LocalStage } from "@matchplace/local";
import { startTestStage, tokenFor } from "../support/stage.js";

/** Debian's Chromium; CI installs it in `.ci/run`. Never downloaded by npm. */
const chromiumPath = process.env.MATCHPLACE_CHROMIUM ?? "/usr/bin/chromium";
const artifactDir = join(import.meta.dirname, "..", "..", ".matchplace");

/** Everything the page logged as an error, and every uncaught exception in it. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

/**
 * Waits until exactly `count` elements match `selector` in the page (re-checked by the browser on
 * every animation frame, no sleep). A string expression: the test's tsconfig has no DOM types.
 */
async function waitForCount(page: Page, selector: string, count: number, timeout = 30_000): Promise<void> {
  await page.waitForFunction(`document.querySelectorAll(${JSON.stringify(selector)}).length === ${count}`, undefined, {
    timeout,
  });
}

describe("the local stage's dashboard in a real browser", () => {
  let stage: LocalStage;
  let browser: BrowserContext;
  let userDataDir: string;

  beforeAll(async () => {
    if (!existsSync(chromiumPath)) {
      throw new Error(
        `no Chromium at ${chromiumPath}: install Debian's package (apt-get install -y chromium; .ci/run does it) or set MATCHPLACE_CHROMIUM`,
      );
    }
    userDataDir = mkdtempSync(join(tmpdir(), "mp-chromium-"));
    // A fresh profile (playwright passes it as --user-data-dir); no background traffic, which this closed network refuses.
    browser = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath,
      headless: true,
      viewport: { width: 1280, height: 800 },
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    stage = await startTestStage();
  }, 120_000);

  afterAll(async () => {
    // The browser first: its event stream must not see the stage go away.
    await browser?.close();
    await stage?.stop();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  it("is served on 127.0.0.1 and named in the stage's endpoints", () => {
    expect(stage.endpoints.dashboard).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it("shows eight players matched into two matches of four, live, and sets a fault knob from the page", async () => {
    const page = await browser.newPage();
    const errors = collectErrors(page);
    await page.goto(stage.endpoints.dashboard);
    await page.locator('[data-testid="link"][data-state="live"]').waitFor({ timeout: 15_000 });

    const api = stage.endpoints.api;
    const players = Array.from({ length: 8 }, (_, i) => `dash${i + 1}-${Date.now().toString(36)}`);
    const clients = await Promise.all(
      players.map(async (p) => createClient({ baseUrl: api, token: await tokenFor(api, p) })),
    );
    const started = await Promise.all(clients.map((c) => c.startMatchmaking({})));
    const views = await Promise.all(
      started.map((s, i) => clients[i]!.waitForTicket(s.ticketId, { timeoutMs: 60_000 })),
    );
    expect(views.map((v) => v.status)).toEqual(Array(8).fill("COMPLETED"));

    // Pushed to the page, not fetched by it: wait on the DOM.
    await waitForCount(page, '[data-testid="ticket-row"][data-status="COMPLETED"]', 8);
    expect(await page.locator('[data-testid="ticket-row"]').count()).toBe(8);
    await waitForCount(page, '[data-testid="match"]', 2);
    const matches = page.locator('[data-testid="match"]');
    for (const i of [0, 1]) expect(await matches.nth(i).locator('[data-testid="match-player"]').count()).toBe(4);
    for (const i of [0, 1])
      expect(await matches.nth(i).textContent()).toMatch(
        /expansion (base values|rules\[FairTeamSkill\]\.maxDistance step \d) at \d+ s/,
      );
    const shown = await page.locator('[data-testid="match-player"]').allTextContents();
    for (const p of players) expect(shown.some((t) => t.startsWith(p))).toBe(true);
    await waitForCount(page, '[data-testid="game-sessions"] li', 2);
    // Utilisation per fleet location: the eight players hold eight player sessions.
    await page
      .locator('[data-testid="fleets"] tbody tr')
      .filter({ hasText: "us-east-1" })
      .filter({ hasText: /\b8 \/ \d+/ })
      .waitFor({ timeout: 15_000 });

    mkdirSync(artifactDir, { recursive: true });
    await page.screenshot({ path: join(artifactDir, "dashboard.png"), fullPage: true });

    // The filter narrows the table to one player's ticket.
    await page.getByLabel("Filter by player id").fill(players[3]!);
    await waitForCount(page, '[data-testid="ticket-row"]', 1);
    await page.getByLabel("Filter by player id").fill("");

    // A fault knob, by keyboard: type a share, press Enter in the form, the stage has it at once.
    const duplicate = page.getByLabel("SNS deliveries duplicate");
    await duplicate.focus();
    await duplicate.fill("0.5");
    const applied = page.waitForResponse((r) => r.url().endsWith("/api/faults/sns") && r.request().method() === "PUT");
    await page.keyboard.press("Enter");
    expect((await applied).status()).toBe(200);
    const faults = (await (await fetch(`${stage.endpoints.sns}/local/faults`)).json()) as Record<string, number>;
    expect(faults.duplicate).toBe(0.5);

    // And by click on the emulator's side; then both back to none.
    await page.getByLabel("GameLift emulator throttle").fill("0.25");
    const appliedGl = page.waitForResponse((r) => r.url().endsWith("/api/faults/gamelift"));
    await page.getByRole("button", { name: "Apply GameLift emulator faults" }).click();
    expect((await appliedGl).status()).toBe(200);
    expect(
      ((await (await fetch(`${stage.endpoints.gamelift}/local/faults`)).json()) as Record<string, number>).throttle,
    ).toBe(0.25);
    stage.sns.setFaults({ ...stage.sns.faults, duplicate: 0 });
    stage.emulator.faults.set({ throttle: 0 });

    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it("lists dead letters and redrives them with the page's button", async () => {
    const page = await browser.newPage();
    const errors = collectErrors(page);
    // A subscriber that always fails: its messages end in the dead-letter queue after the retries.
    const topic = stage.endpoints.topics.matchEvents;
    stage.sns.subscribe(topic, "test/failing.handler", () => Promise.reject(new Error("subscriber down")));
    await page.goto(stage.endpoints.dashboard);
    stage.sns.publish(topic, JSON.stringify({ probe: "dead letter" }));
    await page.locator('[data-testid="dead-letter-count"]').filter({ hasText: /^1$/ }).waitFor({ timeout: 15_000 });

    const redriven = page.waitForResponse((r) => r.url().endsWith("/api/dlq/redrive"));
    await page.getByRole("button", { name: "Redrive dead letters" }).click();

    expect(await (await redriven).json()).toEqual({ redriven: 1 });
    await page.locator('[data-testid="event-log"] li.k-redrive').first().waitFor({ timeout: 15_000 });
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it("lists and serves the simulate reports found in .matchplace/", async () => {
    const name = `dashboard-test-${Date.now().toString(36)}.html`;
    mkdirSync(artifactDir, { recursive: true });
    writeFileSync(join(artifactDir, name), "<!doctype html><title>report</title><h1>simulated</h1>");
    try {
      const page = await browser.newPage();
      await page.goto(stage.endpoints.dashboard);
      const link = page.getByRole("link", { name });
      await link.waitFor({ timeout: 15_000 });
      const res = await fetch(new URL(`/reports/${name}`, stage.endpoints.dashboard));
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("<h1>simulated</h1>");
      expect((await fetch(new URL("/reports/..%2Flocal.json", stage.endpoints.dashboard))).status).toBe(404);
      await page.close();
    } finally {
      rmSync(join(artifactDir, name), { force: true });
    }
  }, 60_000);

  it("stacks into one column on a narrow window without a horizontal scroll bar", async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 420, height: 900 });
    const errors = collectErrors(page);
    await page.goto(stage.endpoints.dashboard);
    await page.locator('[data-testid="link"][data-state="live"]').waitFor({ timeout: 15_000 });
    await page.locator('[data-testid="tickets"]').waitFor();
    const widths = await page.evaluate<{ page: number; view: number }>(
      "({ page: document.documentElement.scrollWidth, view: window.innerWidth })",
    );
    expect(widths.page).toBeLessThanOrEqual(widths.view);
    const lefts = await page
      .locator("section.panel")
      .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().left)));
    expect(new Set(lefts).size).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
