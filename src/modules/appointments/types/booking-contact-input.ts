import { builder } from "../../../graphql/builder.js";
import { patientFields } from "../../patients/index.js";

export const BookingContactInput = builder.inputType("BookingContactInput", {
  description: "Who a widget booking is for: the organization's patient with this email, or a new patient.",
  fields: (t) => ({
    firstName: t.string({ validate: patientFields.firstName }),
    lastName: t.string({ validate: patientFields.lastName }),
    email: t.string({ validate: patientFields.email }),
    phone: t.string({ required: false, validate: patientFields.phone }),
  }),
});
