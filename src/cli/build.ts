import { bundleNode } from './bundle-node.js';

// `npm run build` (and so `npm start`): the Node server as build/node/server.js.
const outdir = 'build/node';
const { bytes } = await bundleNode('src/node.ts', outdir);
console.log(`built ${outdir}/server.js (${(bytes / 1024).toFixed(0)} KiB with its chunks)`);
