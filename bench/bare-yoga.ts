/**
 * The floor of `bench/trivial-query.ts`: a bare graphql-yoga server with a one-field schema
 * (`{ ping }`), no plugins, in a process of its own; sends `{ url }` over IPC once it listens
 * and stops on "stop".
 */
import { createServer } from "node:http";
import { createSchema, createYoga } from "graphql-yoga";

const yoga = createYoga({
  schema: createSchema({ typeDefs: "type Query { ping: String! }", resolvers: { Query: { ping: () => "pong" } } }),
  logging: false,
  graphiql: false,
  landingPage: false,
});
const server = createServer(yoga);
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  if (address && typeof address === "object") process.send?.({ url: `http://127.0.0.1:${address.port}` });
});
process.on("message", (message) => {
  if (message === "stop") server.close(() => process.disconnect());
});
