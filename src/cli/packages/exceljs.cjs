// What the built program takes for the package exceljs (src/cli/launch.cjs gives this folder's
// files to esbuild as aliases): the package's Workbook alone, which is all the program uses of it
// (read/xlsx.ts reads a workbook's bytes). The package's own
// entry also loads its streaming reader and writer (unzipper, archiver and their streams) at
// every start, about 25 ms. The package's file is named by its path: the alias would apply to
// "exceljs/…" here too.
'use strict';

module.exports = { Workbook: require('../../../node_modules/exceljs/lib/doc/workbook.js') };
