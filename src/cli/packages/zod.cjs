// What the built program takes for the package zod (see exceljs.cjs): the same, loaded when a
// framework file is first checked (ita/framework.ts), not at every start: a run that takes each
// year's file parsed from dist/ (node/run-cache.ts) checks none. zod builds its classes and
// locales as it loads.
'use strict';

Object.defineProperty(exports, 'z', { enumerable: true, get: () => require('../../../node_modules/zod/index.js').z });
