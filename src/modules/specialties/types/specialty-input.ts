import { z } from "zod";
import { name } from "../../../validation.js";

export const specialtyFields = {
  name,
  description: z.string().trim().max(2000),
};
