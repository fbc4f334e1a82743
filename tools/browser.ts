/**
 * Real browsers for the web page's tests and scripts: Debian's Chromium (over the DevTools
 * protocol) and Debian's Firefox ESR (over WebDriver BiDi), both driven by puppeteer-core, which
 * downloads no browser. .ci/run installs the chromium and firefox-esr packages; a browser that is
 * not installed is in BROWSERS without its executable, and its tests skip and say so.
 *
 * A page records every request the browser reports for it, every console message, uncaught error
 * and Content Security Policy violation (the page's own `securitypolicyviolation` events: Chromium
 * reports a blocked eval as a DevTools issue, not on the console, so this is the one report both
 * browsers give alike).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export type BrowserName = 'chromium' | 'firefox';

export interface BrowserKind {
  name: BrowserName;
  title: string;
  /** Debian's package, which .ci/run installs. */
  debianPackage: string;
  /** Undefined when the browser is not installed here. */
  executablePath: string | undefined;
}

export const BROWSERS: readonly BrowserKind[] = [
  {
    name: 'chromium',
    title: 'Chromium',
    debianPackage: 'chromium',
    executablePath: ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync),
  },
  { name: 'firefox', title: 'Firefox ESR', debianPackage: 'firefox-esr', executablePath: ['/usr/bin/firefox-esr'].find(existsSync) },
];

/** What the page said: a console message (its type as the console gives it), an uncaught error, or a CSP violation. */
export interface PageMessage {
  kind: 'console' | 'page error' | 'csp violation';
  type: string;
  text: string;
}

export interface DownloadedFile {
  name: string;
  bytes: Buffer;
}

export interface TestBrowser {
  readonly kind: BrowserKind;
  /** The browser's own name and version, e.g. "firefox/153.8.0". */
  readonly version: string;
  /** A page showing `file` from disk (file://), in a new document. */
  openPage(file: string, options?: { width?: number; height?: number }): Promise<TestPage>;
  close(): Promise<void>;
}

export interface TestPage {
  /** Every URL the browser reported a request for, in order. */
  readonly requests: readonly string[];
  readonly messages: readonly PageMessage[];
  /** Focuses the field, selects its text and puts `text` in its place, as typing over it does (an input event; change follows on leaving). */
  fill(selector: string, text: string): Promise<void>;
  /** Clicks the element with the mouse once it is visible, enabled and still. */
  click(selector: string): Promise<void>;
  /** Chooses `file` in a file input, as the file dialog does. */
  choose(selector: string, file: string): Promise<void>;
  /** The text of the first element matching `selector`, once there is one. */
  text(selector: string): Promise<string>;
  /** The texts of every element matching `selector` now. */
  texts(selector: string): Promise<string[]>;
  /** A form field's value, once the field is there. */
  value(selector: string): Promise<string>;
  attribute(selector: string, name: string): Promise<string | null>;
  disabled(selector: string): Promise<boolean>;
  visible(selector: string): Promise<boolean>;
  /** Waits until an element matches `selector` (and is visible, unless `visible: false`). */
  waitFor(selector: string, options?: { visible?: boolean; timeout?: number }): Promise<void>;
  /** Waits until the first element matching `selector` contains `text`. */
  waitForText(selector: string, text: string): Promise<void>;
  /** Runs `fn` in the page on the first element matching `selector`, with `arg`. */
  evaluate<A, R>(selector: string, fn: (element: unknown, arg: A) => R, arg: A): Promise<Awaited<R>>;
  /** Clicks `selector` and gives back the file the browser saved: its name and bytes. */
  download(selector: string, options?: { timeout?: number }): Promise<DownloadedFile>;
  /** A picture of the whole page, as PNG (`window`: only what the window shows). */
  screenshot(file: string, options?: { window?: boolean }): Promise<void>;
  close(): Promise<void>;
}

// Without these Chromium reaches for Google's hosts at every start.
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-features=Translate,MediaRouter',
];

/** A download still being written: Firefox's `.part`, Chromium's `.crdownload`. */
const UNFINISHED = /\.(part|crdownload)$/;

/**
 * A browser tab kept for the pages opened one after another: each is a new document in it,
 * which costs a sixth of a new context in Chromium (0.15 s against 0.9 s). What a tab keeps
 * from one document to the next is its context's storage, and the web page stores nothing.
 */
interface Tab {
  page: Page;
  downloads: string;
  /** The records of the page now shown, or null between pages. */
  shown: { requests: string[]; messages: PageMessage[] } | null;
  /** The viewport it was last given. */
  size: { width: number; height: number };
}

/**
 * `cores`: what the pages are told `navigator.hardwareConcurrency` is (the benchmark's peer:
 * one core makes the page render a batch in one thread, as before its workers).
 */
export async function launchBrowser(name: BrowserName, { cores }: { cores?: number } = {}): Promise<TestBrowser> {
  const kind = BROWSERS.find((b) => b.name === name)!;
  if (!kind.executablePath) throw new Error(`${kind.title} is not installed (apt-get install ${kind.debianPackage})`);
  const browser = await puppeteer.launch(
    name === 'chromium'
      ? { browser: 'chrome', executablePath: kind.executablePath, args: CHROMIUM_FLAGS }
      : { browser: 'firefox', executablePath: kind.executablePath },
  );
  const idle: Tab[] = [];
  const tabs: Tab[] = [];
  return {
    kind,
    version: await browser.version(),
    async openPage(file, options) {
      const tab = idle.pop() ?? (await newTab(browser, tabs, cores));
      return showPage(tab, file, options ?? {}, () => idle.push(tab));
    },
    async close() {
      await browser.close();
      for (const tab of tabs) rmSync(tab.downloads, { recursive: true, force: true });
    },
  };
}

async function newTab(browser: Browser, tabs: Tab[], cores: number | undefined): Promise<Tab> {
  const downloads = mkdtempSync(path.join(os.tmpdir(), 'ita-browser-downloads-'));
  // The download folder is set on the context: Browser.setDownloadBehavior in Chromium, the
  // WebDriver BiDi command browser.setDownloadBehavior in Firefox (Firefox 149 and later).
  const context = await browser.createBrowserContext({ downloadBehavior: { policy: 'allow', downloadPath: downloads } });
  const page = await context.newPage();
  const tab: Tab = { page, downloads, shown: null, size: { width: 800, height: 600 } };
  page.on('request', (request) => tab.shown?.requests.push(request.url()));
  page.on('console', (message) => tab.shown?.messages.push({ kind: 'console', type: message.type(), text: message.text() }));
  page.on('pageerror', (error) =>
    tab.shown?.messages.push({ kind: 'page error', type: 'error', text: error instanceof Error ? error.message : String(error) }),
  );
  await page.exposeFunction('itaTestCspViolation', (text: string) =>
    tab.shown?.messages.push({ kind: 'csp violation', type: 'error', text }),
  );
  await page.evaluateOnNewDocument(() => {
    const dom = globalThis as unknown as {
      document: { addEventListener(type: string, listener: (event: Record<string, unknown>) => void): void };
      itaTestCspViolation(text: string): void;
    };
    dom.document.addEventListener('securitypolicyviolation', (event) =>
      dom.itaTestCspViolation(
        `${String(event.effectiveDirective)} blocked ${String(event.blockedURI)} at ${String(event.sourceFile)}:${String(event.lineNumber)}:${String(event.columnNumber)}`,
      ),
    );
  });
  if (cores !== undefined) {
    await page.evaluateOnNewDocument((count: number) => {
      Object.defineProperty(Object.getPrototypeOf((globalThis as unknown as { navigator: object }).navigator), 'hardwareConcurrency', {
        get: () => count,
      });
    }, cores);
  }
  tabs.push(tab);
  return tab;
}

/** What `inPage` can do to an element, in one call into the page (a handle costs 50–70 ms a call in Firefox). */
type Operation = 'text' | 'value' | 'attribute' | 'disabled' | 'visible' | 'fill' | 'contains';

async function showPage(tab: Tab, file: string, options: { width?: number; height?: number }, release: () => void): Promise<TestPage> {
  const { page, downloads } = tab;
  const shown = { requests: [] as string[], messages: [] as PageMessage[] };
  tab.shown = shown;
  // Puppeteer's own size unless asked, so that a phone-sized page does not leave the tab phone-sized.
  const size = { width: options.width ?? 800, height: options.height ?? 600 };
  if (size.width !== tab.size.width || size.height !== tab.size.height) {
    await page.setViewport(size);
    tab.size = size;
  }
  await page.goto(pathToFileURL(file).href);

  /** Does `operation` on the first element matching `selector` now: found false when there is none. */
  function query<R>(selector: string, operation: Operation, arg?: string): Promise<{ found: false } | { found: true; result: R }> {
    return page.evaluate(
      (s: string, op: Operation, a: string | undefined) => {
        type Field = {
          textContent: string | null;
          value: string;
          disabled: boolean;
          select(): void;
          focus(): void;
          getAttribute(name: string): string | null;
          getBoundingClientRect(): { width: number; height: number };
        };
        const dom = globalThis as unknown as {
          document: { querySelector(s: string): Field | null; execCommand(command: string, ui: boolean, value?: string): boolean };
          getComputedStyle(e: Field): { visibility: string };
        };
        const e = dom.document.querySelector(s);
        if (!e) return { found: false as const };
        switch (op) {
          case 'text':
            return { found: true as const, result: e.textContent ?? '' };
          case 'contains':
            return { found: true as const, result: (e.textContent ?? '').includes(a!) };
          case 'value':
            return { found: true as const, result: e.value };
          case 'attribute':
            return { found: true as const, result: e.getAttribute(a!) };
          case 'disabled':
            return { found: true as const, result: e.disabled };
          case 'visible': {
            // As puppeteer's waitForSelector and Playwright's isVisible tell it.
            const box = e.getBoundingClientRect();
            return {
              found: true as const,
              result: !['hidden', 'collapse'].includes(dom.getComputedStyle(e).visibility) && box.width > 0 && box.height > 0,
            };
          }
          case 'fill':
            e.focus();
            e.select();
            if (a) dom.document.execCommand('insertText', false, a);
            else dom.document.execCommand('delete', false);
            return { found: true as const, result: null };
        }
      },
      selector,
      operation,
      arg,
    ) as Promise<{ found: false } | { found: true; result: R }>;
  }

  /** The same, waiting for an element to match when none does yet. */
  async function inPage<R>(selector: string, operation: Operation, arg?: string): Promise<R> {
    let done = await query<R>(selector, operation, arg);
    if (!done.found) {
      await page.waitForSelector(selector);
      done = await query<R>(selector, operation, arg);
    }
    if (!done.found) throw new Error(`no element matches ${selector}`);
    return done.result;
  }

  return {
    requests: shown.requests,
    messages: shown.messages,
    fill: (selector, text) => inPage(selector, 'fill', text),
    click: (selector) => page.locator(selector).click(),
    async choose(selector, chosen) {
      const handle = (await page.waitForSelector(selector))!;
      await handle.uploadFile(chosen);
      await handle.dispose();
    },
    text: (selector) => inPage(selector, 'text'),
    texts: (selector) =>
      page.evaluate((s: string) => {
        const dom = globalThis as unknown as { document: { querySelectorAll(s: string): Iterable<{ textContent: string | null }> } };
        return [...dom.document.querySelectorAll(s)].map((e) => e.textContent ?? '');
      }, selector),
    value: (selector) => inPage(selector, 'value'),
    attribute: (selector, name) => inPage(selector, 'attribute', name),
    disabled: (selector) => inPage(selector, 'disabled'),
    visible: (selector) => inPage(selector, 'visible'),
    async waitFor(selector, { visible = true, timeout } = {}) {
      // Asked first, as one call: puppeteer's wait costs 50 ms even when the element is there (Firefox).
      const now = await query<boolean>(selector, 'visible');
      if (now.found && (now.result || !visible)) return;
      await page.waitForSelector(selector, { visible, ...(timeout !== undefined && { timeout }) });
    },
    async waitForText(selector, text) {
      const deadline = Date.now() + 30_000;
      while (!(await inPage<boolean>(selector, 'contains', text))) {
        if (Date.now() > deadline) throw new Error(`${selector} did not come to contain ${JSON.stringify(text)} within 30 s`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async evaluate(selector, fn, arg) {
      const handle = (await page.waitForSelector(selector))!;
      try {
        return (await handle.evaluate(fn as never, arg as never)) as never;
      } finally {
        await handle.dispose();
      }
    },
    async download(selector, { timeout = 60_000 } = {}) {
      const before = readdirSync(downloads);
      if (before.length) throw new Error(`the download folder is not empty: ${before.join(', ')}`);
      await page.locator(selector).click();
      const deadline = Date.now() + timeout;
      for (;;) {
        const names = readdirSync(downloads);
        // Firefox writes a .part file of a random name beside an empty one of the final name, then renames it over it.
        if (names.length && !names.some((name) => UNFINISHED.test(name))) {
          if (names.length > 1) throw new Error(`more than one file downloaded: ${names.join(', ')}`);
          const saved = path.join(downloads, names[0]!);
          const bytes = readFileSync(saved);
          // Removed so that the next download keeps its name (no " (1)").
          rmSync(saved);
          return { name: names[0]!, bytes };
        }
        if (Date.now() > deadline)
          throw new Error(
            `no download within ${timeout} ms after clicking ${selector} (the folder holds: ${names.join(', ') || 'nothing'})`,
          );
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async screenshot(target, { window = false } = {}) {
      await page.screenshot({ path: target as `${string}.png`, fullPage: !window });
    },
    async close() {
      if (tab.shown !== shown) return;
      tab.shown = null;
      await page.goto('about:blank');
      for (const name of readdirSync(downloads)) rmSync(path.join(downloads, name), { recursive: true, force: true });
      release();
    },
  };
}
