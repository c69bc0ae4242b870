import type { Browser } from "playwright-core";
import { launchChromium } from "../../src/browser/chromium.js";

/**
 * Starts the platform's headless Chromium (`src/browser/chromium.ts`: `CHROMIUM_PATH`, else the
 * one packed in the `@sparticuz/chromium` npm package); fails (never skips) when it cannot start.
 */
export function launchBrowser(): Promise<Browser> {
  return launchChromium();
}
