// The built site (dist/, as hosted) in Debian's Chromium, driven by playwright-core: the real
// Web Worker engine, a real reload in the middle of Create, and a screenshot of every screen
// and state for people to look at (HOSELINE_SCREENSHOTS, default .tools/run/screens).
//
// Run by scripts/site-test.sh, which serves dist/ and passes:
//   HOSELINE_SITE_URL         the served site (http://127.0.0.1:PORT/)
//   HOSELINE_TEST_ENDPOINT    the signature-checking emulator
//   HOSELINE_TEST_BRIDGE_URL  the test bridge the local pipeline delivers to
// Prints one line per test and a cargo-like `test result:` line (scripts/test.sh counts it).

import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import assert from "node:assert/strict";

const require = createRequire(import.meta.url);
const { chromium } = require(process.env.HOSELINE_PLAYWRIGHT ?? "playwright-core");

const SITE = process.env.HOSELINE_SITE_URL;
const ENDPOINT = process.env.HOSELINE_TEST_ENDPOINT ?? "http://127.0.0.1:4577";
const BRIDGE = process.env.HOSELINE_TEST_BRIDGE_URL ?? "http://127.0.0.1:4579";
const SHOTS = process.env.HOSELINE_SCREENSHOTS ?? ".tools/run/screens";
const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const TIMEOUT = 20_000;
assert.ok(SITE, "HOSELINE_SITE_URL is not set");
mkdirSync(SHOTS, { recursive: true });

const tests = [];
const test = (name, body) => tests.push({ name, body });

/// The console as a person sees it, found by data-testid.
class ConsolePage {
  constructor(page) {
    this.page = page;
  }
  id(testid) {
    return this.page.locator(`[data-testid="${testid}"]`);
  }
  async open(hash) {
    await this.page.goto(`${SITE}index.html${hash}`);
    await this.id("screen").waitFor({ timeout: TIMEOUT });
  }
  async shot(name) {
    await this.page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  }
  async text(testid) {
    return (await this.id(testid).innerText({ timeout: TIMEOUT })).trim();
  }
  async waitText(testid, part) {
    await this.id(testid).filter({ hasText: part }).first().waitFor({ timeout: TIMEOUT });
  }
  async fill(testid, value) {
    await this.id(testid).fill(value);
    await this.id(testid).blur();
  }
  async next(title) {
    await this.id("wizard-next").click();
    await this.waitText("step-title", title);
  }
  async connect() {
    await this.fill("endpoint", ENDPOINT);
    await this.fill("secret-access-key", SECRET);
    await this.id("remember").check();
    await this.id("test-connection").click();
    await this.waitText("identity-account", "123456789012");
  }
}

let browser;
let current;
async function fresh() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  current = new ConsolePage(await context.newPage());
  return current;
}

const name = `site${Date.now() % 1_000_000_000}`;

test("the guided setup creates the local pipeline through the worker, survives a reload and deletes it", async () => {
  const p = await fresh();
  await p.open("#/connection");
  await p.shot("01-connection-empty");
  await p.connect();
  await p.shot("02-connection-connected");
  // The pipeline's name: every resource name derives from it.
  await p.fill("field-name", name);
  await p.next("DynamoDB table");
  await p.id("request-preview").filter({ hasText: "CreateTable" }).waitFor({ timeout: TIMEOUT });
  await p.shot("03-table-defaults");
  await p.fill("field-table-name", "x");
  await p.waitText("field-table-name-error", "3");
  await p.shot("04-table-error");
  await p.fill("field-table-name", `${name}-tickers`);
  await p.fill("field-table-partitionKey-name", "status");
  await p.id("advice-table-partitionKey-name").waitFor({ timeout: TIMEOUT });
  await p.shot("05-table-advice");
  await p.fill("field-table-partitionKey-name", "TICKER_SYMBOL");
  await p.next("S3 bucket");
  await p.shot("06-bucket");
  await p.next("Access");
  await p.fill("field-target-bridgeUrl", BRIDGE);
  await p.shot("07-access");
  await p.next("Delivery stream");
  await p.shot("08-delivery");
  await p.next("Review");
  await p.waitText("plan-calls", "CreateDeliveryStream");
  await p.waitText("cost-total", "a month");
  await p.shot("09-review");

  // On the emulator the whole plan takes well under a second: each of the worker's calls is
  // held 250 ms (as a far-away region would), so the stop lands in the middle of the run.
  await p.page.context().route(`${ENDPOINT}/**`, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 250));
    await route.continue();
  });
  await p.id("wizard-next").click();
  await p.waitText("step-title", "Create");
  await p.id("create-running").waitFor({ timeout: TIMEOUT });
  await p.page.waitForFunction(
    () => !document.querySelector('[data-testid="create-count"]')?.innerText.startsWith("0 of"),
    null,
    { timeout: TIMEOUT },
  );
  await p.id("create-stop").click();
  await p.id("create-stopped").waitFor({ timeout: TIMEOUT });
  assert.equal(await p.id("call-failure").count(), 0, "a stop is not a failure");
  await p.shot("10-create-stopped");
  const before = await p.text("create-count");

  // A real reload: the worker is gone, the progress saved so far is not.
  await p.page.context().unroute(`${ENDPOINT}/**`);
  await p.page.reload();
  await p.id("create-interrupted").waitFor({ timeout: TIMEOUT });
  await p.waitText("create-count", before);
  await p.shot("11-create-after-reload");
  // Firehose refuses the stream once, as AWS does a bad argument: the call shows AWS's code and
  // message, and Retry carries on from it.
  const refuse = async (route) => {
    if ((route.request().headers()["x-amz-target"] ?? "").endsWith("CreateDeliveryStream")) {
      await route.fulfill({
        status: 400,
        contentType: "application/x-amz-json-1.1",
        headers: {
          "x-amzn-requestid": "site-test-1",
          "access-control-allow-origin": "*",
          "access-control-expose-headers": "x-amzn-requestid",
        },
        body: JSON.stringify({ __type: "InvalidArgumentException", message: "refused by the site test" }),
      });
    } else {
      await route.continue();
    }
  };
  await p.page.context().route(`${ENDPOINT}/**`, refuse);
  await p.id("create-resume").click();
  await p.id("create-failed").waitFor({ timeout: TIMEOUT });
  await p.waitText("call-failure", "InvalidArgumentException");
  await p.waitText("call-failure", "site-test-1");
  await p.shot("12-create-failed");
  await p.page.context().unroute(`${ENDPOINT}/**`, refuse);
  await p.id("create-retry").click();
  await p.id("create-done").waitFor({ timeout: TIMEOUT });
  const count = await p.text("create-count");
  const [done, total] = count.replace(" done", "").split(" of ");
  assert.equal(done, total, `every call done: ${count}`);
  await p.shot("13-create-done");

  await p.open("#/pipelines");
  await p.waitText("streams-rows", `${name}-stream`);
  await p.shot("14-pipelines");
  await p.open(`#/pipelines/${name}-stream`);
  await p.id("pipeline-status").waitFor({ timeout: TIMEOUT });
  await p.shot("14-pipeline");
  await p.id("teardown-start").click();
  await p.fill("teardown-name", name);
  await p.shot("15-teardown-confirm");
  await p.id("teardown-confirm").click();
  await p.id("teardown-done").waitFor({ timeout: TIMEOUT });
  await p.shot("16-teardown-done");
});

test("the first load does not fetch the engine; the wizard's first form does", async () => {
  const p = await fresh();
  const fetched = [];
  p.page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  await p.open("#/pipelines");
  await p.page.waitForLoadState("networkidle");
  assert.ok(!fetched.some((f) => f.includes("hoseline-engine")), `first load fetched ${fetched}`);
  await p.shot("17-pipelines-not-connected");
});

browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
let passed = 0;
let failed = 0;
for (const { name: title, body } of tests) {
  try {
    await body();
    passed += 1;
    console.log(`test ${title} ... ok`);
  } catch (error) {
    failed += 1;
    console.log(`test ${title} ... FAILED\n${error.stack ?? error}`);
    if (current) {
      await current.shot(`failed-${failed}`).catch(() => {});
      console.log(`the page then: ${SHOTS}/failed-${failed}.png`);
    }
  }
}
await browser.close();
console.log(`screenshots in ${SHOTS}`);
console.log(`test result: ${failed ? "FAILED" : "ok"}. ${passed} passed; ${failed} failed`);
process.exit(failed ? 1 : 0);
