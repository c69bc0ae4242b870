import "./appointment-file.type.js";
import "./appointment-files.field.js";
import "./create-appointment-file.mutation.js";
import "./confirm-appointment-file-upload.mutation.js";
import "./delete-appointment-file.mutation.js";
