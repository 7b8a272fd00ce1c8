// make demo: the built dist/ (demo page, widget, sample site) on
// http://127.0.0.1:8080, served with the headers the README's "Deploying"
// section recommends, like the tests serve it (e2e/server.mjs).
import { serve } from '../e2e/server.mjs';

const port = Number(process.env.PORT || 8080);
const { url } = await serve({ port });
console.log(`news-widget demo on ${url}/ (Ctrl-C stops it)`);
