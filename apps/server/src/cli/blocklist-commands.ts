import { randomUUID } from "node:crypto";
import { emailIndex, phoneIndex } from "../applications/contact-indexes.ts";
import { documentIndexValue, identityIndexValue } from "../applications/update-particulars.ts";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import { loadConfig } from "../config/config.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import { keysFromConfig } from "../crypto/key-ring.ts";
import { insertBlocklistEntry, markBlocklistEntryRemoved, selectBlocklistEntries } from "./blocklist-repository.ts";
import { withDatabase } from "./database-commands.ts";
import { EXIT, type Io, parseOptions, UsageError } from "./io.ts";

/**
 * `jitsumei blocklist add|list|remove`: the operator's blocklist (who added what, why, when). Values
 * are kept only as blind indexes; the list shows kinds and reasons, never the values.
 */
function keys(io: Io): Promise<KeyManagement> {
  const config = loadConfig();
  return withDatabase((db) => keysFromConfig(config, db, (m) => io.err(`WARNING: ${m}`)));
}

export async function blocklistAddCommand(args: string[], io: Io): Promise<number> {
  const o = parseOptions(args, {
    kind: { type: "string" },
    reason: { type: "string" },
    by: { type: "string" },
    "document-type": { type: "string" },
    "document-number": { type: "string" },
    country: { type: "string" },
    family: { type: "string" },
    given: { type: "string" },
    "birth-date": { type: "string" },
    email: { type: "string" },
    phone: { type: "string" },
  });
  if (!o.reason || !o.by) throw new UsageError("blocklist add needs --reason and --by (who adds it)");
  // Usage is checked before the database is opened for the keys.
  let indexOf: (k: KeyManagement) => Buffer;
  switch (o.kind) {
    case "document": {
      const value =
        o["document-type"] && o["document-number"] && o.country
          ? documentIndexValue({ type: o["document-type"], number: o["document-number"], issuingCountry: o.country })
          : null;
      if (!value) throw new UsageError("--kind document needs --document-type, --document-number and --country");
      indexOf = (k) => k.blindIndex("document", value);
      break;
    }
    case "identity": {
      if (!o.family || !o["birth-date"])
        throw new UsageError("--kind identity needs --family, --given and --birth-date");
      const value = identityIndexValue({
        name: { family: o.family, given: o.given ?? "" },
        birthDate: o["birth-date"],
      });
      indexOf = (k) => k.blindIndex("identity", value);
      break;
    }
    case "email":
      if (!o.email) throw new UsageError("--kind email needs --email");
      indexOf = (k) => emailIndex(k, o.email as string);
      break;
    case "phone":
      if (!o.phone) throw new UsageError("--kind phone needs --phone");
      indexOf = (k) => phoneIndex(k, o.phone as string);
      break;
    default:
      throw new UsageError("--kind must be one of document, identity, email, phone");
  }
  const index = indexOf(await keys(io));
  const id = randomUUID();
  const { kind, reason, by } = o;
  await withDatabase((db) =>
    db.transaction(async (tx) => {
      await insertBlocklistEntry(tx, { id, kind, valueIndex: index, reason, addedBy: by });
      await appendAuditEntry(tx, {
        actor: `cli:${by}`,
        action: "blocklist.added",
        subject: id,
        data: { kind, reason },
      });
    }),
  );
  io.out(JSON.stringify({ id, kind, reason, addedBy: by }));
  return EXIT.ok;
}

export async function blocklistListCommand(args: string[], io: Io): Promise<number> {
  parseOptions(args, {});
  const rows = await withDatabase((db) => selectBlocklistEntries(db));
  io.out(JSON.stringify({ entries: rows }));
  return EXIT.ok;
}

export async function blocklistRemoveCommand(args: string[], io: Io): Promise<number> {
  const o = parseOptions(args, { id: { type: "string" }, by: { type: "string" }, reason: { type: "string" } });
  if (!o.id || !o.by || !o.reason) throw new UsageError("blocklist remove needs --id, --by and --reason");
  const { id, by, reason } = o;
  const removed = await withDatabase((db) =>
    db.transaction(async (tx) => {
      const removed = await markBlocklistEntryRemoved(tx, id, by);
      if (removed) {
        await appendAuditEntry(tx, { actor: `cli:${by}`, action: "blocklist.removed", subject: id, data: { reason } });
      }
      return removed;
    }),
  );
  io.out(JSON.stringify({ id, removed }));
  return removed ? EXIT.ok : EXIT.no;
}
