// The scheduling GraphQL types other modules' fields point at. Kept apart from index.ts, whose domain
// functions the container and jobs load without the schema builder.
export { CalendarRef } from "./types/calendar.type.js";
