import { type LookupAddress, lookup } from "node:dns";
import { BlockList, isIP } from "node:net";
import { Agent } from "undici";

/**
 * Where a webhook may be delivered (issue #21, finding 13; ASVS 5.2.6, 12.6.1): never to a private,
 * loopback, link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, multicast, documentation
 * or otherwise reserved address. Checked when an admin registers the URL, and again for every address
 * the host name resolves to at delivery, in the connection's own lookup, so a name that resolved to
 * a public address at registration (or a moment ago) cannot lead the server into its own network.
 * Loopback may be allowed outside production (WEBHOOK_ALLOW_LOOPBACK): a receiver on the developer's
 * machine.
 */
const reserved = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  reserved.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::ffff:0:0", 96], // IPv4-mapped: checked as the IPv4 address inside when written so
  ["64:ff9b::", 96], // NAT64
  ["100::", 64], // discard
  ["2001:db8::", 32], // documentation
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
] as const) {
  reserved.addSubnet(network, prefix, "ipv6");
}
const loopback = new BlockList();
loopback.addSubnet("127.0.0.0", 8, "ipv4");
loopback.addAddress("::1", "ipv6");

/** Why an IP address may not receive webhooks, or null when it may. */
export function forbiddenAddressReason(address: string, allowLoopback: boolean): string | null {
  const family = isIP(address);
  if (family === 0) return "is not an IP address";
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped?.[1]) return forbiddenAddressReason(mapped[1], allowLoopback);
  const type = family === 4 ? "ipv4" : "ipv6";
  if (loopback.check(address, type)) return allowLoopback ? null : "is a loopback address";
  if (reserved.check(address, type)) return "is a private, link-local or reserved address";
  return null;
}

/** A URL's host as an address (IPv6 without brackets) when it is one, else null. */
function literalAddress(hostname: string): string | null {
  const bare = hostname.startsWith("[") ? hostname.slice(1, -1) : hostname;
  return isIP(bare) ? bare : null;
}

/** Why the URL's host may not receive webhooks, judged from the URL alone (no DNS), or null. */
export function forbiddenHostReason(url: URL, allowLoopback: boolean): string | null {
  const literal = literalAddress(url.hostname);
  if (literal) return forbiddenAddressReason(literal, allowLoopback);
  const name = url.hostname.toLowerCase().replace(/\.$/, "");
  if (name === "localhost" || name.endsWith(".localhost")) {
    return allowLoopback ? null : "is a loopback address";
  }
  return null;
}

export class ForbiddenAddressError extends Error {
  override name = "ForbiddenAddressError";
}

/** How a host name becomes addresses: the system's resolver (dns.lookup), or a test's. */
export type Resolver = (
  hostname: string,
  options: { all: true },
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/** Every address the host resolves to, refused if any is forbidden. */
export function resolveAllowed(
  hostname: string,
  allowLoopback: boolean,
  callback: (error: Error | null, addresses: LookupAddress[]) => void,
  resolver: Resolver = lookup,
): void {
  resolver(hostname, { all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    for (const { address } of addresses) {
      const reason = forbiddenAddressReason(address, allowLoopback);
      if (reason) return callback(new ForbiddenAddressError(`${hostname} resolves to ${address}, which ${reason}`), []);
    }
    callback(null, addresses);
  });
}

/** An HTTP agent whose every connection goes only to addresses resolveAllowed accepts. */
export function guardedAgent(allowLoopback: boolean, resolver: Resolver = lookup): Agent {
  return new Agent({
    connect: {
      lookup: ((hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
        resolveAllowed(
          hostname,
          allowLoopback,
          (error, addresses) => {
            if (error) return callback(error);
            if (options?.all) return callback(null, addresses);
            const first = addresses[0];
            return callback(null, first?.address, first?.family);
          },
          resolver,
        );
      }) as never,
    },
  });
}
