import "./specialty.type.js";
import "./specialist-specialties.field.js";
import "./specialties.query.js";
import "./create-specialty.mutation.js";
import "./update-specialty.mutation.js";
import "./delete-specialty.mutation.js";
import "./specialist-specialty.mutations.js";
