import { builder } from "./builder.js";
import "./root-types.js";
import "./error-types.js";
import "./file-upload.js";
import "../modules/system/schema.js";
import "../modules/auth/schema.js";
import "../modules/organizations/schema.js";
import "../modules/audit/schema.js";
import "../modules/services/schema.js";
import "../modules/products/schema.js";
import "../modules/plans/schema.js";
import "../modules/patients/schema.js";
import "../modules/specialists/schema.js";
import "../modules/specialties/schema.js";
import "../modules/scheduling/schema.js";
import "../modules/webhooks/schema.js";
import "../modules/appointments/schema.js";

export const schema = builder.toSchema({ sortSchema: true });
