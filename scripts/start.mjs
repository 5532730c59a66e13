// `npm start`: make the sample media if missing, then serve the demo pages.
import { createServer } from 'vite';
import { ensureMedia } from './make-media.mjs';

await ensureMedia();
const server = await createServer({ server: { host: process.env.HOST ?? 'localhost' } });
await server.listen();
const base = server.resolvedUrls.local[0];
console.log(
  `\nKijkom demo:\n  ${base}demo/               a theme in an institutional page\n  ${base}demo/blog.html      fragments quoted in a blog post\n  ${base}demo/interview.html one whole interview\n  ${base}demo/two-themes.html two themes side by side\n  ${base}demo/fragments.html  a fragment list driving a player, and inline players\n  ${base}demo/nl-design-system.html themed by NL Design System tokens alone\n\nPress Ctrl+C to stop.`,
);
