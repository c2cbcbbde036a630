import { describe, expect, it } from "vitest";
import { glareLevel, measurePixels } from "./measure-pixels.ts";

function grey(width: number, height: number, value: (x: number, y: number) => number, channels = 3) {
  const data = new Uint8Array(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = value(x, y);
      for (let c = 0; c < channels; c++) data[(y * width + x) * channels + c] = c === 3 ? 0 : v;
    }
  }
  return { data, width, height, channels };
}

describe("measurePixels", () => {
  it("gives a flat image no sharpness and its own brightness", () => {
    const measures = measurePixels(grey(20, 10, () => 120));
    expect(measures.sharpness).toBe(0);
    expect(measures.brightness).toBeCloseTo(120, 9);
    expect(measures.glareShare).toBe(0);
  });

  it("computes the variance of the 4-neighbour Laplacian exactly on a checkerboard", () => {
    // Every interior pixel of a 0/100 checkerboard has four neighbours of the other colour: the Laplacian
    // is +400 on black and −400 on white, half each, so mean 0 (even interior) and variance 160,000.
    const measures = measurePixels(grey(10, 10, (x, y) => ((x + y) % 2 === 0 ? 0 : 100)));
    expect(measures.sharpness).toBeCloseTo(160_000, 6);
    expect(measures.brightness).toBeCloseTo(50, 9);
  });

  it("counts as glare only pixels at or above the level on every channel", () => {
    const data = new Uint8Array([
      ...[255, 255, 255],
      ...[glareLevel, glareLevel, glareLevel],
      ...[255, 255, glareLevel - 1], // one channel below: a bright colour, not blown out
      ...[0, 0, 0],
    ]);
    expect(measurePixels({ data, width: 4, height: 1, channels: 3 }).glareShare).toBe(0.5);
  });

  it("reads greyscale and ignores an alpha channel", () => {
    expect(measurePixels(grey(4, 4, () => 252, 1)).glareShare).toBe(1);
    const withAlpha = measurePixels(grey(4, 4, () => 252, 4));
    expect(withAlpha.glareShare).toBe(1);
    expect(withAlpha.brightness).toBeCloseTo(252, 9);
  });

  it("weights the channels as Rec. 601 luma", () => {
    const data = new Uint8Array([255, 0, 0, 0, 255, 0, 0, 0, 255]);
    expect(measurePixels({ data, width: 3, height: 1, channels: 3 }).brightness).toBeCloseTo(255 / 3, 9);
    const red = measurePixels({ data: new Uint8Array([200, 0, 0]), width: 1, height: 1, channels: 3 });
    expect(red.brightness).toBeCloseTo(0.299 * 200, 9);
  });

  it("returns zeros instead of throwing on degenerate input", () => {
    expect(measurePixels({ data: new Uint8Array(0), width: 0, height: 0, channels: 3 })).toEqual({
      sharpness: 0,
      glareShare: 0,
      brightness: 0,
    });
    expect(measurePixels({ data: new Uint8Array(3), width: 2, height: 2, channels: 3 }).sharpness).toBe(0);
    expect(measurePixels(grey(2, 50, (x) => x * 200)).sharpness).toBe(0);
  });
});
