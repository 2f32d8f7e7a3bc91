// npm run fixture:wxr -- --posts 10000 --comments 100000 --out FILE [--seed 17]
//
// A generated WordPress export for the importer's scale test (lib/import/wxr-fixture.ts): realistic
// bodies, threaded comments, categories, tags and a few authors. Not part of `npm test`.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { wxrFixture } from '@/lib/import/wxr-fixture';

const { values: args } = parseArgs({
  options: {
    posts: { type: 'string', default: '10000' },
    comments: { type: 'string', default: '100000' },
    out: { type: 'string' },
    seed: { type: 'string', default: '17' },
  },
});
const posts = Number(args.posts);
const comments = Number(args.comments);
const seed = Number(args.seed);
if (!args.out || !Number.isInteger(posts) || posts < 1 || !Number.isInteger(comments) || comments < 0 || !Number.isInteger(seed)) {
  console.error('Usage: npm run fixture:wxr -- --posts N --comments N --out FILE [--seed N]');
  process.exit(2);
}

const out = createWriteStream(args.out);
let bytes = 0;
for (const piece of wxrFixture({ posts, comments, seed })) {
  bytes += Buffer.byteLength(piece);
  // Waits when the file's buffer is full: memory stays flat whatever the size.
  if (!out.write(piece)) await once(out, 'drain');
}
out.end();
await once(out, 'finish');
console.log(`Wrote ${args.out}: ${posts} posts, ${comments} comments, ${(bytes / 1024 / 1024).toFixed(1)} MB.`);
