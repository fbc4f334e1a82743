// What the built program takes for the package cliui (see exceljs.cjs): the same, loaded when yargs
// first lays out text (--help, a usage error), not at every start. cliui's string-width and
// wrap-ansi build a text segmenter and large Unicode regular expressions as they load.
'use strict';

module.exports = (options) => require('../../../node_modules/cliui/index.mjs').default(options);
