import { builder } from "./builder.js";
import "./root-types.js";
import "./error-types.js";
import "../modules/system/schema.js";

export const schema = builder.toSchema({ sortSchema: true });
