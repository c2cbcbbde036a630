import { connect, type Socket } from "node:net";
import type { Transport } from "@jitsumei/reader";
import { claimSlot, ensurePcscd, type ViccCard, waitUntilEmpty } from "./vicc.ts";

/**
 * Puts one of our in-memory card emulators (a `Transport`) on vsmartcard's virtual reader, so a test
 * reads it through the real PC/SC stack (pcscd, the vpcd driver, pcsc-mini) as the counter program
 * reads a card on a USB reader. No public emulator exists for the residence card or the My Number card;
 * `vicc` speaks only the cards vsmartcard ships, so this plays its part.
 *
 * vpcd's socket protocol (vsmartcard's "Creating a virtual smart card" and `VirtualSmartcard.py`): the
 * virtual card connects to vpcd on the slot's port; vpcd sends messages of a 2-byte big-endian length
 * and a payload. A 1-byte payload is a control: 0 power off, 1 power on, 2 reset (none answered), 4 the
 * ATR (answered with it). Any longer payload is a command APDU, answered with the response APDU, one at
 * a time. vpcd sees the card while the socket is open; closing it removes the card.
 */
const CONTROL = { powerOff: 0, powerOn: 1, reset: 2, atr: 4 } as const;
/**
 * PC/SC part 3's ATR for a contactless card with no historical bytes: T=1 offered, TCK the XOR of
 * T0..TD2 (80 ⊕ 80 ⊕ 01).
 */
const CONTACTLESS_ATR = Uint8Array.of(0x3b, 0x80, 0x80, 0x01, 0x01);

export async function startVpcdCard(card: Transport, options: { atr?: Uint8Array } = {}): Promise<ViccCard> {
  await ensurePcscd();
  const { slot, release } = await claimSlot();
  const atr = options.atr ?? CONTACTLESS_ATR;
  let socket: Socket;
  try {
    socket = await new Promise<Socket>((resolve, reject) => {
      const s = connect({ host: "127.0.0.1", port: slot.port });
      s.once("connect", () => resolve(s));
      s.once("error", reject);
    });
  } catch (error) {
    release();
    throw error;
  }
  socket.setNoDelay(true);

  const frame = (payload: Uint8Array) => {
    const header = Buffer.alloc(2);
    header.writeUInt16BE(payload.length);
    socket.write(Buffer.concat([header, payload]));
  };
  // vpcd waits for each answer before the next message; a chain keeps a slow emulator's answers in order.
  let chain = Promise.resolve();
  let pending = Buffer.alloc(0);
  socket.on("data", (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= 2) {
      const size = pending.readUInt16BE(0);
      if (pending.length < 2 + size) break;
      const payload = Uint8Array.from(pending.subarray(2, 2 + size));
      pending = pending.subarray(2 + size);
      chain = chain.then(() => answer(payload));
    }
  });
  socket.on("error", () => undefined); // vpcd going away ends the card; stop() still releases the slot

  async function answer(payload: Uint8Array): Promise<void> {
    if (payload.length === 1) {
      if (payload[0] === CONTROL.atr) frame(atr);
      return; // power on, power off, reset: not answered
    }
    let response: Uint8Array;
    try {
      response = await card(payload);
    } catch {
      response = Uint8Array.of(0x6f, 0x00); // the emulator failed: "no precise diagnosis", as a card says it
    }
    if (!socket.destroyed) frame(response);
  }

  const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
  return {
    readerName: slot.readerName,
    async stop() {
      socket.destroy();
      await closed;
      try {
        await waitUntilEmpty(slot.readerName);
      } finally {
        release();
      }
    },
  };
}
