// The Node flags every production server process starts with (scripts/start.mjs, the stack's
// instances). V8 sizes the young generation for the machine's memory (up to 3 × 64 MB here), so a
// cached page served to 32 readers at once grew the server from 280 MB to 470 MB of short-lived
// strings. 16 MB semi-spaces kept it under 300 MB (issue 19; figures in bench/README.md).
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=16'];
