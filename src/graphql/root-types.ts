import { DateTimeResolver, JSONResolver } from "graphql-scalars";
import { builder } from "./builder.js";

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});

builder.addScalarType("DateTime", DateTimeResolver);
builder.addScalarType("JSON", JSONResolver);
