/**
 * `npm run bench:availability`: (a) the pure computation of one month of 30-minute slots for a
 * calendar of 10 specialists (weekdays 09:00-12:00 and 13:00-18:00, in five time zones), with
 * 1,000 existing appointments and 200 live holds as busy time. Prints median and p99.
 */
import { computeTimeslots, type SpecialistSchedule } from "../src/modules/scheduling/availability/compute-timeslots.js";

const MINUTE = 60_000;
const RUNS = 500;
const from = Date.parse("2026-12-01T00:00:00Z");
const to = Date.parse("2026-12-31T00:00:00Z");
const zones = ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC", "Australia/Lord_Howe"];

let seed = 42;
const random = () => {
  seed = (seed * 16_807) % 2_147_483_647;
  return seed / 2_147_483_647;
};

const specialists: SpecialistSchedule[] = Array.from({ length: 10 }, (_, i) => ({
  id: `specialist-${i}`,
  timeZone: zones[i % zones.length] ?? "UTC",
  weeklyHours: [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, start: 9 * 60, end: 12 * 60 },
    { weekday, start: 13 * 60, end: 18 * 60 },
  ]),
  overrides: [],
  busy: [],
}));
for (let i = 0; i < 1_200; i++) {
  const start = from + Math.floor(random() * 30 * 48) * 30 * MINUTE;
  specialists[i % specialists.length]?.busy.push({ start, end: start + 30 * MINUTE });
}

const input = {
  from,
  to,
  now: from - 60 * MINUTE,
  rules: {
    durationMinutes: 30,
    slotIntervalMinutes: 30,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 10,
    minimumNoticeMinutes: 60,
    bookingHorizonDays: 90,
    maxBookingsPerDayPerSpecialist: 12,
    campaign: null,
  },
  specialists,
};

for (let i = 0; i < 50; i++) computeTimeslots(input);
const times: number[] = [];
let slots = 0;
for (let i = 0; i < RUNS; i++) {
  const started = performance.now();
  slots = computeTimeslots(input).length;
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const at = (q: number) => (times[Math.floor(q * (times.length - 1))] ?? 0).toFixed(2);
console.log(`(a) pure computation, 10 specialists, 1 month, 1,200 busy intervals: ${slots} slots`);
console.log(`    median ${at(0.5)} ms   p99 ${at(0.99)} ms   (${RUNS} runs)`);
