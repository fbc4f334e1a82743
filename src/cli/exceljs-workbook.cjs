// What the built program takes for the package exceljs (launch.cjs gives it to esbuild as an
// alias): the package's Workbook alone, which is all the program uses of it (read/xlsx.ts reads a
// workbook's bytes, render/analysis/chart.ts writes one). The package's own entry also loads its
// streaming reader and writer (unzipper, archiver and their streams) at every start, about 25 ms.
// The path is relative so that the alias, which applies to "exceljs/…" too, does not apply here.
'use strict';

module.exports = { Workbook: require('../../node_modules/exceljs/lib/doc/workbook.js') };
