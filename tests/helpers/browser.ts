/**
 * Debian's Chromium driven by playwright-core (no browser download), for the web page's tests.
 * .ci/run installs the chromium package; without it the tests skip and say so.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);

export function launchChromium(): Promise<Browser> {
  // Without the background-networking flags Chromium reaches for Google's hosts at every start.
  return chromium.launch({
    executablePath: chromiumPath!,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-features=Translate,MediaRouter'],
  });
}
