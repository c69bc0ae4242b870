// The booking widget's surface: the HTTP plugin that serves its page.
export { useBookingWidget } from "./use-booking-widget.js";
