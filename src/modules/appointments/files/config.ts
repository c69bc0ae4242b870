import { configSection } from "../../../config/section.js";
import { positiveInt } from "../../../config/values.js";

/** Appointment files: `config.appointmentFiles`. */
export const appointmentFileConfig = configSection({
  env: { APPOINTMENT_FILE_MAX_BYTES: positiveInt.default(25 * 1024 * 1024) },
  read: (c) => ({ maxBytes: c.APPOINTMENT_FILE_MAX_BYTES }),
});
