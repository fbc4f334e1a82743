/**
 * The web page (web/ita-announcement.html) is what its sources build. Its behaviour in each real
 * browser a clerk may have is tested in tests/end-to-end/web-chromium.test.ts and tests/end-to-end/web-firefox.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildWebPage, WEB_PAGE } from '../../tools/web-page.js';

describe('web/ita-announcement.html', () => {
  it('is what npm run build-web makes from the sources (run it after changing them)', async () => {
    expect((await buildWebPage()) === readFileSync(WEB_PAGE, 'utf8')).toBe(true);
  });
});
