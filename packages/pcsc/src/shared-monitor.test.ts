import { EventEmitter } from "node:events";
import { describe, expect, it, vi } from "vitest";
import { connectCard, type PcscMini } from "./pcsc-card.ts";

// A stand-in for pcsc-mini whose clients this test drives: the first fails while a connect waits, the
// second sees a reader with a card. Nothing here may call stop().
const clients: FakeClient[] = [];
class FakeReader extends EventEmitter {
  constructor(private readonly readerName: string) {
    super();
  }
  name() {
    return this.readerName;
  }
  async connect() {
    return { transmit: async () => new ArrayBuffer(2), disconnect: async () => undefined };
  }
}
class FakeClient extends EventEmitter {
  started = 0;
  stopped = 0;
  constructor() {
    super();
    clients.push(this);
  }
  start() {
    this.started++;
    return this;
  }
  stop() {
    this.stopped++;
  }
}
const binding = {
  Client: FakeClient,
  ReaderStatus: { PRESENT: "present" },
  CardMode: { SHARED: 2 },
  Protocol: { ANY: 3 },
  CardDisposition: { RESET: 1 },
} as unknown as PcscMini;
const present = { has: (flag: string) => flag === "present" };

describe("the process's one PC/SC client", () => {
  it("is replaced when it fails while a connect waits, is shared by later connects and is never stopped", async () => {
    const connecting = connectCard({ reader: "Reader A", waitMs: 5000, binding });
    await vi.waitFor(() => expect(clients).toHaveLength(1));
    clients[0]?.emit("error", new Error("InvalidHandle"));
    await vi.waitFor(() => expect(clients).toHaveLength(2));
    const reader = new FakeReader("Reader A");
    clients[1]?.emit("reader", reader);
    reader.emit("change", present);
    const card = await connecting;
    expect(card.readerName).toBe("Reader A");
    await card.close();
    // The next read uses the same client.
    const again = await connectCard({ reader: "Reader A", waitMs: 100, binding });
    expect(again.readerName).toBe("Reader A");
    expect(clients).toHaveLength(2);
    expect(clients.map((c) => [c.started, c.stopped])).toEqual([
      [1, 0],
      [1, 0],
    ]);
    // A reader that is not there is named, with the ones that are.
    await expect(connectCard({ reader: "Reader B", waitMs: 50, binding })).rejects.toMatchObject({
      code: "no_reader",
      message: expect.stringContaining('"Reader A"'),
    });
  });
});
