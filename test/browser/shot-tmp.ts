import { buildExampleSite, serve, launchChromium } from './harness.js';
const site = await buildExampleSite();
const server = await serve(site.out);
const browser = await launchChromium();
const jobs = JSON.parse(process.env.JOBS ?? '[]') as Array<{ url: string; width: number; height?: number; scheme?: 'light'|'dark'; selector?: string; full?: boolean; js?: boolean; action?: string; name: string; scale?: number }>;
for (const job of jobs) {
  const context = await browser.newContext({ viewport: { width: job.width, height: job.height ?? 900 }, colorScheme: job.scheme ?? 'light', deviceScaleFactor: job.scale ?? 1, javaScriptEnabled: job.js ?? true });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  page.on('response', (r) => { if (r.status() >= 400) console.log('HTTP', r.status(), r.url()); });
  await page.goto(server.origin + job.url);
  if (job.action) await page.evaluate(job.action);
  await page.waitForTimeout(300);
  const file = `/tmp/shots/${job.name}.png`;
  if (job.selector) await (await page.$(job.selector))!.screenshot({ path: file });
  else await page.screenshot({ path: file, fullPage: job.full ?? false });
  console.log(file);
  await context.close();
}
await browser.close(); await server.close(); site.remove();
