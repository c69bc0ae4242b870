import type { CodegenConfig } from "@graphql-codegen/cli";

/** Typed GraphQL documents for the tests (and any TypeScript client) from schema.graphql. */
const config: CodegenConfig = {
  schema: "schema.graphql",
  documents: ["tests/**/*.ts", "bench/**/*.ts", "!tests/generated/**"],
  ignoreNoDocuments: true,
  emitLegacyCommonJSImports: false,
  generates: {
    "tests/generated/": {
      preset: "client",
      config: { documentMode: "string", useTypeImports: true, enumsAsTypes: true },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;
