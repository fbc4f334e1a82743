// node src/cli/start.cjs build-doc|check-template|build [ARGUMENTS...]
//
// How npm's scripts start the program: the Node.js version is checked first, in the JavaScript
// every Node.js reads (require-node.cjs), then the program runs as plain JavaScript built ahead
// into dist/ (launch.cjs), with no TypeScript compiler loaded. `build` only builds it (npm runs
// that after `npm install`).
'use strict';

require('./require-node.cjs');
require('./launch.cjs').start(process.argv.slice(2));
