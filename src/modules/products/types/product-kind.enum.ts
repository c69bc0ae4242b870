import { builder } from "../../../graphql/builder.js";

export const ProductKindEnum = builder.enumType("ProductKind", { values: ["physical", "digital"] as const });
