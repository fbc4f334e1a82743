// What the built program takes for the package string-width (see exceljs.cjs): the same, loaded
// when a width is first measured (yargs's --help and cliui), not at every start: it builds a text
// segmenter and large Unicode regular expressions as it loads. One copy, the program's own
// (cliui and wrap-ansi install an older one beside theirs, which this alias stands in for too).
'use strict';

module.exports = (text, options) => require('../../../node_modules/string-width/index.js').default(text, options);
