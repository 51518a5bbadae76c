// The content script's first statement (main.ts imports this module before any other):
// `npm run bench` times a page's load from here (test/bench/README.md).
performance.mark('papershelf:start');
