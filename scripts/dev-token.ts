/**
 * `npm run auth:dev-token -- [sub] [email]`: prints a session token that a development server
 * (NODE_ENV not production, CLERK_JWT_KEY unset) accepts, signed with the local key under
 * .data/dev-auth. For trying the API without a Clerk instance; valid for 24 hours.
 */
import { developmentKeyPair, signSessionToken } from "../src/identity/dev-tokens.js";

const [sub = "user_dev", email = "dev@example.com"] = process.argv.slice(2);
const { privateKey } = developmentKeyPair();
console.log(
  signSessionToken(privateKey, { sub, email, first_name: "Dev", last_name: "User" }, { expiresInSeconds: 86_400 }),
);
