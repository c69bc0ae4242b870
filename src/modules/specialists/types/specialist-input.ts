import { z } from "zod";
import { email, ianaTimeZone, name } from "../../../validation.js";

export const specialistFields = {
  firstName: name,
  lastName: name,
  email,
  timezone: ianaTimeZone,
  bio: z.string().trim().max(5000),
};
