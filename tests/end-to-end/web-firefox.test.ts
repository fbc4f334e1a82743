/** The web page in Debian's Firefox ESR: see tests/helpers/web-page-suite.ts. */
import { webPageTests } from '../helpers/web-page-suite.js';

webPageTests('firefox');
