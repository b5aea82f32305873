/**
 * How two pictures (RGBA, w x h) differ: the mean absolute channel difference, its signed mean (the first
 * darker or lighter overall: resampling noise cancels out, a colour drawn wrong does not), and the share of pixels
 * with no pixel within one of them in the other that matches within 48 per channel (so a
 * picture drawn a fraction of a pixel off, as from layer bitmaps with other origins, still
 * counts as the same, while anything drawn differently does not); and how much is inked.
 */
export function comparePictures(x: Uint8ClampedArray, y: Uint8ClampedArray, w: number, h: number) {
  const near = (i: number, j: number) => Math.max(Math.abs(x[i] - y[j]), Math.abs(x[i + 1] - y[j + 1]), Math.abs(x[i + 2] - y[j + 2])) <= 48;
  let sum = 0;
  let signed = 0;
  let off = 0;
  let inked = 0;
  for (let py = 0; py < h; py++) {
    for (let px = 0; px < w; px++) {
      const i = 4 * (py * w + px);
      sum += Math.abs(x[i] - y[i]) + Math.abs(x[i + 1] - y[i + 1]) + Math.abs(x[i + 2] - y[i + 2]);
      signed += x[i] - y[i] + x[i + 1] - y[i + 1] + x[i + 2] - y[i + 2];
      if (x[i] + x[i + 1] + x[i + 2] < 3 * 250) inked++;
      let matched = false;
      for (let dy = -1; dy <= 1 && !matched; dy++) {
        for (let dx = -1; dx <= 1 && !matched; dx++) {
          const qx = px + dx;
          const qy = py + dy;
          if (qx >= 0 && qy >= 0 && qx < w && qy < h) matched = near(i, 4 * (qy * w + qx));
        }
      }
      if (!matched) off++;
    }
  }
  const pixels = w * h;
  return { meanDiff: sum / (pixels * 3), bias: signed / (pixels * 3), offShare: off / pixels, inkedShare: inked / pixels };
}
