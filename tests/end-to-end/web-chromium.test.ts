/** The web page in Debian's Chromium: see tests/helpers/web-page-suite.ts. */
import { webPageTests } from '../helpers/web-page-suite.js';

webPageTests('chromium');
