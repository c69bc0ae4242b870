import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { clientOperations } from "./widget-operations.js";

/** What the page needs of the published calendar (the `publicCalendar` query's answer). */
export interface WidgetCalendar {
  id: string;
  name: string;
  serviceName: string;
  durationMinutes: number;
}

// Read once at start: the page is self-contained (no build step, no external assets).
const script = readFileSync(new URL("./widget-client.js", import.meta.url), "utf8");
const style = readFileSync(new URL("./widget-style.css", import.meta.url), "utf8");
const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

/**
 * Only the page's own inline script and style (by hash, so an injected one would not run) and
 * requests to this origin (GraphQL and its event stream). Framing is allowed from anywhere:
 * a booking widget is meant to be embedded in a clinic's own site.
 */
const contentSecurityPolicy = [
  "default-src 'none'",
  `script-src ${sha256(script)}`,
  `style-src ${sha256(style)}`,
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors *",
].join("; ");

const headers = {
  "content-type": "text/html; charset=utf-8",
  "content-security-policy": contentSecurityPolicy,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
  // Slots are live data and the calendar may be renamed or unpublished: never serve a stale page.
  "cache-control": "no-store",
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** JSON inside a `<script type="application/json">`: `<` escaped so no value can close the element. */
const embeddedJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

const layout = (title: string, body: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body>
${body}
</body>
</html>
`;

/** A required input with its label and the place for the server's message about it. */
const field = (name: string, label: string, attributes: string) => `<div class="field">
<label for="${name}">${label}</label>
<input id="${name}" name="${name}" required ${attributes} aria-describedby="${name}-error">
<span id="${name}-error" class="field-error" data-field="${name}"></span>
</div>`;

/** The booking page of a published calendar. */
export function widgetPage(calendar: WidgetCalendar): Response {
  const body = `<main>
<header>
<h1>${escapeHtml(calendar.name)}</h1>
<p>${escapeHtml(calendar.serviceName)} · ${calendar.durationMinutes} min</p>
</header>
<p id="message" role="alert" data-testid="message" hidden></p>
<section id="choose" aria-labelledby="choose-title">
<h2 id="choose-title">Choose a time</h2>
<nav class="week" aria-label="Week">
<button type="button" id="previous-week" data-testid="previous-week">Previous week</button>
<span id="week-label" aria-live="polite"></span>
<button type="button" id="next-week" data-testid="next-week">Next week</button>
</nav>
<p id="zone" class="hint"></p>
<div id="days" data-testid="days" aria-busy="true"></div>
</section>
<section id="details" aria-labelledby="details-title" hidden>
<h2 id="details-title">Your details</h2>
<p data-testid="held"><span id="held-slot"></span> is held for you for <span id="countdown" data-testid="countdown"></span>.</p>
<form id="booking-form">
${field("firstName", "First name", 'autocomplete="given-name" maxlength="100"')}
${field("lastName", "Last name", 'autocomplete="family-name" maxlength="100"')}
${field("email", "Email", 'type="email" autocomplete="email" maxlength="254"')}
<div class="actions">
<button type="submit" id="book" data-testid="book">Book</button>
<button type="button" id="release" data-testid="release">Choose another time</button>
</div>
</form>
</section>
<section id="confirmation" data-testid="confirmation" aria-labelledby="confirmation-title" hidden>
<h2 id="confirmation-title">Booked</h2>
<p id="confirmation-text"></p>
</section>
</main>
<script type="application/json" id="widget-data">${embeddedJson({ calendar, operations: clientOperations })}</script>
<script type="module">${script}</script>`;
  return new Response(layout(`Book: ${calendar.name}`, body), { status: 200, headers });
}

/** The answer for a slug that is unknown or not published (the same, so neither is revealed). */
export function widgetNotFoundPage(): Response {
  const body = `<main><h1>Booking page not found</h1><p>This calendar does not exist or is not open for booking.</p></main>`;
  return new Response(layout("Booking page not found", body), { status: 404, headers });
}
