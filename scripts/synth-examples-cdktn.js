#!/usr/bin/env node
// Synthesizes the examples under CDK Terrain: runs the very same compiled examples (dist/examples/main.js)
// with `cdktf` resolved to `cdktn` and the library resolved to its cdktn entry (dist/cdktn), so one set of
// examples serves both frameworks and the outputs can be compared. Usage: synth-examples-cdktn.js OUTDIR
'use strict';
const Module = require('node:module');
const path = require('node:path');

const dist = path.join(__dirname, '..', 'dist');
const examples = path.join(dist, 'examples') + path.sep;
const mainEntry = path.join(dist, 'src') + path.sep;
const cdktnEntry = path.join(dist, 'cdktn') + path.sep;

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  // Only the examples' own imports are swapped: the library must reach cdktn by itself, or this proves nothing.
  const fromExamples = parent?.filename?.startsWith(examples) ?? false;
  const isCdktf = request === 'cdktf' || request.startsWith('cdktf/');
  const swapped = fromExamples && isCdktf ? `cdktn${request.slice('cdktf'.length)}` : request;
  const resolved = resolveFilename.call(this, swapped, parent, ...rest);
  // The examples import the library from dist/src; under cdktn they get the same module of dist/cdktn.
  return resolved.startsWith(mainEntry)
    ? resolveFilename.call(this, cdktnEntry + resolved.slice(mainEntry.length), parent, ...rest)
    : resolved;
};

const outdir = process.argv[2];
if (!outdir) throw new Error('usage: synth-examples-cdktn.js OUTDIR');
require(path.join(dist, 'examples', 'main.js')).synthExamples(outdir);
