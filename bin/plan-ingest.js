#!/usr/bin/env node
// The package's bin: runs the compiled CLI (built by `npm ci` through the
// `prepare` script into dist/).
import '../dist/src/cli/main.js';
