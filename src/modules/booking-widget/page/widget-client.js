// The booking widget's script, inlined into the page as a module (no build step). It is an
// anonymous API client like any other: the week's slots stream from `timeslotsChanged`, and a
// booking is createHold, then bookAppointment with the hold's token.

const { calendar, operations } = JSON.parse(document.getElementById("widget-data").textContent);
const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const DAY_MS = 86_400_000;
const FAILED = "Something went wrong; please try again.";

const $ = (id) => document.getElementById(id);
const state = { weekStart: today(), events: null, hold: null, timer: 0 };

// Dates are local calendar dates (YYYY-MM-DD) in the visitor's zone; arithmetic on them is done
// at UTC noon, so a daylight-saving change never moves a date.
function today() {
  const format = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  const parts = Object.fromEntries(format.formatToParts(new Date()).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}
const addDays = (date, days) => new Date(Date.parse(`${date}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const dayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: "long",
  month: "long",
  day: "numeric",
  timeZone: "UTC",
});
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit", timeZone });
const whenFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "full", timeStyle: "short", timeZone });
const formatDay = (date) => dayFormat.format(new Date(`${date}T12:00:00Z`));

function element(tag, attributes, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

async function graphql(query, variables) {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const result = await response.json();
  if (result.errors?.length || !result.data) throw new Error(result.errors?.[0]?.message ?? `HTTP ${response.status}`);
  return result.data;
}

function showMessage(text) {
  $("message").textContent = text;
  $("message").hidden = !text;
}

function showStep(step) {
  for (const id of ["choose", "details", "confirmation"]) $(id).hidden = id !== step;
}

// --- Step 1: the week's slots, live.

// EventSource (GET /graphql with Accept: text/event-stream) reconnects by itself after a network
// error, and every message carries the whole list, so a reconnect's first message repairs the view.
function watchWeek() {
  state.events?.close();
  const from = state.weekStart;
  const to = addDays(from, 7);
  const variables = { calendarId: calendar.id, from, to, timeZone };
  const query = new URLSearchParams({ query: operations.timeslotsChanged, variables: JSON.stringify(variables) });
  const events = new EventSource(`/graphql?${query}`);
  events.addEventListener("next", (event) => {
    const { data, errors } = JSON.parse(event.data);
    if (errors?.length || !data) {
      events.close();
      return showMessage(errors?.[0]?.message ?? FAILED);
    }
    renderWeek(data.timeslotsChanged);
  });
  events.addEventListener("complete", () => events.close());
  events.addEventListener("error", () => {
    if (events.readyState === EventSource.CLOSED) showMessage("Live updates stopped; please reload the page.");
  });
  state.events = events;
  $("week-label").textContent = `${formatDay(from)} – ${formatDay(addDays(to, -1))}`;
  $("previous-week").disabled = from <= today();
  $("days").setAttribute("aria-busy", "true");
}

function renderWeek({ slots }) {
  const days = $("days");
  // Re-rendering would drop keyboard focus; it goes back to the same slot if that is still free.
  const focused = document.activeElement?.dataset?.start;
  const byDate = Map.groupBy(slots, (slot) => slot.start.slice(0, 10)); // starts carry the visitor's offset
  days.replaceChildren();
  for (let i = 0; i < 7; i++) {
    const date = addDays(state.weekStart, i);
    const day = element("section", { class: "day", "data-date": date });
    day.append(element("h3", {}, formatDay(date)));
    const free = byDate.get(date) ?? [];
    if (!free.length) day.append(element("p", { class: "hint" }, "No free times"));
    const list = element("ul", {});
    for (const { start } of free) {
      const instant = new Date(start);
      const button = element(
        "button",
        {
          type: "button",
          "data-testid": "slot",
          "data-start": instant.toISOString(),
          "aria-label": whenFormat.format(instant),
        },
        timeFormat.format(instant),
      );
      const item = element("li", {});
      item.append(button);
      list.append(item);
    }
    if (free.length) day.append(list);
    days.append(day);
  }
  days.setAttribute("aria-busy", "false");
  if (focused) days.querySelector(`[data-start="${focused}"]`)?.focus();
}

$("previous-week").addEventListener("click", () => {
  state.weekStart = addDays(state.weekStart, -7);
  watchWeek();
});
$("next-week").addEventListener("click", () => {
  state.weekStart = addDays(state.weekStart, 7);
  watchWeek();
});
$("days").addEventListener("click", async (event) => {
  const button = event.target.closest("button[data-start]");
  if (!button || state.hold) return;
  button.disabled = true;
  showMessage("");
  try {
    const { createHold } = await graphql(operations.createHold, {
      input: { calendarId: calendar.id, start: button.dataset.start },
    });
    if (createHold.__typename === "MutationCreateHoldSuccess") startDetails(createHold.data);
    else showMessage(createHold.message);
  } catch {
    showMessage(FAILED);
  } finally {
    button.disabled = false;
  }
});

// --- Step 2: the held slot, a countdown to its expiry, and the booker's details.

// crypto.randomUUID needs a secure context; getRandomValues works on plain http too.
const randomKey = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");

function startDetails(hold) {
  // One idempotency key per hold: resubmitting after a lost answer cannot book twice.
  state.hold = { ...hold, idempotencyKey: randomKey() };
  $("held-slot").textContent = whenFormat.format(new Date(hold.start));
  clearFieldErrors();
  showStep("details");
  state.timer = setInterval(tick, 1000);
  tick();
  $("firstName").focus();
}

// The visitor's clock may be off: the countdown is a guide, the server decides (HoldExpiredError).
function tick() {
  const seconds = Math.ceil((Date.parse(state.hold.expiresAt) - Date.now()) / 1000);
  if (seconds <= 0) return endHold("Your hold expired; please choose a time again.");
  $("countdown").textContent = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

function endHold(message) {
  clearInterval(state.timer);
  state.hold = null;
  showStep("choose");
  showMessage(message);
}

$("release").addEventListener("click", async () => {
  const { token } = state.hold;
  endHold("");
  try {
    await graphql(operations.releaseHold, { token });
  } catch {
    // Nothing to tell the visitor: a hold that was not released lapses at its expiry.
  }
});

function clearFieldErrors() {
  for (const error of document.querySelectorAll(".field-error")) error.textContent = "";
  for (const input of $("booking-form").elements) input.removeAttribute("aria-invalid");
}

// A ValidationError's paths end with the input's name (input.contact.email → email).
function showFieldErrors({ message, fields }) {
  const shown = fields.filter(({ path, message: text }) => {
    const input = $("booking-form").elements.namedItem(path.at(-1));
    if (!input) return false;
    input.setAttribute("aria-invalid", "true");
    $(`${input.name}-error`).textContent = text;
    return true;
  });
  if (shown.length) $(shown[0].path.at(-1)).focus();
  else showMessage(message);
}

$("booking-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const submit = $("book");
  const contact = Object.fromEntries(new FormData(event.target));
  const { token, idempotencyKey } = state.hold;
  clearFieldErrors();
  showMessage("");
  submit.disabled = true;
  try {
    const { bookAppointment: result } = await graphql(operations.bookAppointment, {
      input: { holdToken: token, idempotencyKey, contact },
    });
    if (result.__typename === "MutationBookAppointmentSuccess") showConfirmation(result.data);
    else if (result.__typename === "ValidationError") showFieldErrors(result);
    // The hold is gone (expired, or taken meanwhile): back to the live list to pick again.
    else if (result.__typename === "HoldExpiredError" || result.__typename === "SlotUnavailableError")
      endHold(result.message);
    else showMessage(result.message);
  } catch {
    showMessage(FAILED);
  } finally {
    submit.disabled = false;
  }
});

// --- Step 3: the confirmation.

function showConfirmation({ appointmentId, start }) {
  clearInterval(state.timer);
  state.hold = null;
  $("booking-form").reset();
  $("confirmation").dataset.appointmentId = appointmentId;
  $("confirmation-text").textContent = `Your appointment on ${whenFormat.format(new Date(start))} is booked.`;
  showStep("confirmation");
}

$("zone").textContent = `Times are shown in your time zone (${timeZone}).`;
watchWeek();
