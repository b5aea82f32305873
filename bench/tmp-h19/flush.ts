import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../graph/chromium-args';
(async () => {
  const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const page = await (await b.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await page.goto('about:blank');
  const r = await page.evaluate(() => {
    const out: string[] = [];
    const N = 77000;
    const pts = new Float64Array(4 * N).map(() => Math.random());
    for (const wrf of [true, false, true, false]) for (const per of [1024, 4096, 16384, N]) {
      const c = document.createElement('canvas'); c.width = 1280; c.height = 800;
      const ctx = c.getContext('2d', { willReadFrequently: wrf })!;
      ctx.strokeStyle = '#999'; ctx.globalAlpha = 0.55; ctx.lineWidth = 1;
      const t0 = performance.now(); let flushes = 0;
      for (let k = 0; k < N; k += per) {
        for (let j = k; j < Math.min(N, k + per); j += 256) {
          ctx.beginPath();
          for (let i = j; i < Math.min(N, j + 256, k + per); i++) { ctx.moveTo(pts[4*i]*1280, pts[4*i+1]*800); ctx.lineTo(pts[4*i]*1280 + (pts[4*i+2]-0.5)*300, pts[4*i+1]*800 + (pts[4*i+3]-0.5)*300); }
          ctx.stroke();
        }
        ctx.getImageData(0, 0, 1, 1); flushes++;
      }
      out.push(`wrf ${wrf} per ${per}: ${(performance.now() - t0).toFixed(0)} ms, ${flushes} flushes`);
    }
    return out;
  });
  console.log(r.join('\n'));
  await b.close();
})();
