import { configSection } from "../../config/section.js";
import { positiveInt } from "../../config/values.js";

/** Service attachments: `config.serviceAttachments`. */
export const serviceAttachmentConfig = configSection({
  env: { SERVICE_ATTACHMENT_MAX_BYTES: positiveInt.default(500 * 1024 * 1024) },
  read: (c) => ({ maxBytes: c.SERVICE_ATTACHMENT_MAX_BYTES }),
});
