import "./types/appointment-file.type.js";
import "./types/appointment-file-upload.type.js";
import "./resolvers/appointment-files.field.js";
import "./resolvers/create-appointment-file.mutation.js";
import "./resolvers/confirm-appointment-file-upload.mutation.js";
import "./resolvers/delete-appointment-file.mutation.js";
