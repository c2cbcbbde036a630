import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { quietClock, stopWhenQuiet } from "./pcsc-card.ts";

describe("stopping a pcsc-mini client only when its readers are still", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("waits until 300 ms have passed since the last change, then stops once", async () => {
    const quiet = quietClock();
    const stop = vi.fn();
    const stopped = stopWhenQuiet({ stop }, quiet);
    await vi.advanceTimersByTimeAsync(200);
    quiet.changed(); // a reader changed meanwhile: the wait starts again
    await vi.advanceTimersByTimeAsync(250);
    expect(stop).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(60);
    await stopped;
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it("stops after 2 s even if readers never stop changing", async () => {
    const quiet = quietClock();
    const stop = vi.fn();
    const noisy = setInterval(() => quiet.changed(), 100);
    const stopped = stopWhenQuiet({ stop }, quiet);
    await vi.advanceTimersByTimeAsync(1900);
    expect(stop).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(150);
    await stopped;
    clearInterval(noisy);
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it("takes a client that already lost its context as stopped", async () => {
    const stop = vi.fn(() => {
      throw new Error("InvalidHandle");
    });
    const stopped = stopWhenQuiet({ stop }, quietClock());
    await vi.advanceTimersByTimeAsync(300);
    await expect(stopped).resolves.toBeUndefined();
    expect(stop).toHaveBeenCalledTimes(1);
  });
});
