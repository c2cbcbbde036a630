import type { DemoStaffCode } from "../staff/demo-staff.ts";

/**
 * The development pages (`/dev/outbox`, `/dev/demo-staff`) as a developer trying the demo reads them
 * in a browser. Everything shown is escaped: a mail's subject and body are text someone else wrote.
 * The server's Content-Security-Policy allows no inline style or script, so the pages link one
 * stylesheet (`/dev/dev-pages.css`) and need no script: the demo-staff page reloads itself (a meta
 * refresh) when its codes expire.
 */

export type OutboxMail = {
  id: string;
  template: string;
  status: string;
  createdAt: string;
  to: string;
  subject: string;
  text: string;
  language?: string;
};

/** A browser asks for HTML; `curl`, `fetch` and the tests get JSON unless they ask for HTML, and `?format=json` always does. */
export function wantsHtml(accept: string | undefined, format: "html" | "json" | undefined): boolean {
  if (format) return format === "html";
  return /\btext\/html\b/.test(accept ?? "");
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** An http(s) address in running text, without the punctuation that ends the sentence around it. */
const address = /https?:\/\/[^\s<>"'、。「」（）]+/g;

/** Escaped text with its http(s) addresses made links (the mails' sign-in and status links). */
export function linkify(text: string): string {
  let html = "";
  let last = 0;
  for (const match of text.matchAll(address)) {
    const url = match[0].replace(/[.,;:!?)\]]+$/, "");
    const start = match.index;
    html += `${escapeHtml(text.slice(last, start))}<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
    last = start + url.length;
  }
  return html + escapeHtml(text.slice(last));
}

/** Japan time, as the mails themselves write it: 2026-12-05 09:30:00 JST. */
const japanTime = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Asia/Tokyo",
  dateStyle: "short",
  timeStyle: "medium",
});

function page(title: string, body: string, head = ""): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
${head}<title>${escapeHtml(title)} · Jitsumei (development)</title>
<link rel="stylesheet" href="/dev/dev-pages.css">
</head>
<body>
<p class="dev-note" role="note">Development only: this page exists when the server runs outside production, with mail kept locally, on a loopback address. A production server answers 404 here.</p>
<nav aria-label="Development pages"><a href="/dev/outbox">Mail outbox</a> <a href="/dev/demo-staff">Demo staff</a> <a href="/">Applicant site</a> <a href="/staff/">Staff console</a></nav>
<main>
${body}
</main>
</body>
</html>
`;
}

export function outboxPage(mails: readonly OutboxMail[], transport: string, limit: number): string {
  const items = mails.map((m) => {
    const at = new Date(m.createdAt);
    const lang = m.language ? ` lang="${escapeHtml(m.language)}"` : "";
    return `<article class="mail" aria-labelledby="mail-${escapeHtml(m.id)}">
<h2 id="mail-${escapeHtml(m.id)}"${lang}>${escapeHtml(m.subject)}</h2>
<dl>
<div><dt>Time</dt><dd><time datetime="${escapeHtml(m.createdAt)}">${escapeHtml(japanTime.format(at))} JST</time></dd></div>
<div><dt>To</dt><dd>${escapeHtml(m.to)}</dd></div>
<div><dt>Language</dt><dd>${escapeHtml(m.language ?? "not recorded")}</dd></div>
<div><dt>Template</dt><dd><code>${escapeHtml(m.template)}</code></dd></div>
<div><dt>Status</dt><dd>${escapeHtml(m.status)}</dd></div>
</dl>
<pre${lang}>${linkify(m.text)}</pre>
</article>`;
  });
  const count = mails.length === 1 ? "1 mail" : `${mails.length} mails`;
  return page(
    "Mail outbox",
    `<h1>Mail outbox</h1>
<p>The mail this server would have sent (transport: <code>${escapeHtml(transport)}</code>), newest first: ${count}, at most ${limit} (<a href="/dev/outbox?limit=200">show 200</a>). The same as JSON: <a href="/dev/outbox?format=json">/dev/outbox?format=json</a>.</p>
${items.length > 0 ? items.join("\n") : "<p>No mail yet. Start an application on the applicant site and its mails appear here.</p>"}`,
  );
}

export function demoStaffPage(staff: readonly DemoStaffCode[]): string {
  // Reloaded when the first code expires, so the codes shown are always current.
  const refresh = staff.length > 0 ? Math.min(...staff.map((s) => s.validForSeconds)) + 1 : 0;
  const rows = staff.map(
    (s) => `<tr>
<th scope="row">${escapeHtml(s.role)}</th>
<td><code>${escapeHtml(s.email)}</code></td>
<td><code>${escapeHtml(s.password)}</code></td>
<td><code class="code">${escapeHtml(s.code)}</code></td>
<td class="num">${s.validForSeconds} s</td>
</tr>`,
  );
  return page(
    "Demo staff",
    `<h1>Demo staff</h1>
<p>The demo accounts <code>npm start</code> creates, one per role, to try the <a href="/staff/">staff console</a>: sign in with the e-mail, the password and the authenticator code shown here. The codes change every 30 seconds; this page reloads itself when they do. The same as JSON: <a href="/dev/demo-staff?format=json">/dev/demo-staff?format=json</a>.</p>
${
  rows.length > 0
    ? `<div class="table"><table>
<caption>Demo staff accounts and their codes now</caption>
<thead><tr><th scope="col">Role</th><th scope="col">E-mail</th><th scope="col">Password</th><th scope="col">Code now</th><th scope="col">Valid for</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table></div>`
    : "<p>No demo accounts on this server: <code>npm start</code> creates them (the server started with <code>--demo</code> in development).</p>"
}`,
    refresh > 0 ? `<meta http-equiv="refresh" content="${refresh}">\n` : "",
  );
}

/** The pages' one stylesheet (the CSP allows no inline style). */
export const devPagesCss = `:root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
body { margin: 0 auto; max-width: 60rem; padding: 1rem; }
.dev-note { border: 2px solid #b45309; border-radius: 0.4rem; padding: 0.5rem 0.75rem; }
nav { display: flex; flex-wrap: wrap; gap: 1rem; margin-bottom: 1rem; }
.mail { border-top: 1px solid #8886; padding: 0.75rem 0; }
.mail h2 { font-size: 1.1rem; margin: 0 0 0.5rem; overflow-wrap: anywhere; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 1rem; margin: 0; }
dl div { display: contents; }
dt { font-weight: 600; }
dd { margin: 0; overflow-wrap: anywhere; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; font-family: ui-monospace, monospace; background: #8881; padding: 0.75rem; border-radius: 0.4rem; }
.table { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.5rem; }
th, td { text-align: left; padding: 0.4rem 0.6rem; border-bottom: 1px solid #8886; }
.code { font-size: 1.3rem; letter-spacing: 0.1em; }
.num { font-variant-numeric: tabular-nums; }
`;
