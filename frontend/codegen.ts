import type { CodegenConfig } from "@graphql-codegen/cli";

// Types for every operation in src/, from the server's committed schema. CI runs
// `npm run codegen:check`, which fails when src/gql/types.ts is stale.
const config: CodegenConfig = {
  schema: "../api/schema.graphql",
  generates: {
    "src/gql/types.ts": {
      documents: ["src/**/*.{ts,tsx}", "!src/gql/**"],
      plugins: ["typescript", "typescript-operations"],
      config: {
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false },
        skipTypename: true,
        scalars: { DateTime: "string", NaiveDate: "string", UUID: "string", JSON: "unknown" },
      },
    },
    // The typed client for other apps (client/): its own operations only.
    "client/types.ts": {
      documents: ["client/operations.ts"],
      plugins: ["typescript", "typescript-operations"],
      config: {
        onlyOperationTypes: true,
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false },
        skipTypename: true,
        scalars: { DateTime: "string", NaiveDate: "string", UUID: "string", JSON: "unknown" },
      },
    },
  },
};
export default config;
