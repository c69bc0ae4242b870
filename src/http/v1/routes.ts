import { appointmentFileRoutes } from "../../modules/appointments/files/routes.js";
import { appointmentReviewRoutes } from "../../modules/appointments/reviews/routes.js";
import { appointmentRoutes } from "../../modules/appointments/routes.js";
import { videoRoutes } from "../../modules/appointments/video/routes.js";
import { auditRoutes } from "../../modules/audit/routes.js";
import { authRoutes } from "../../modules/auth/routes.js";
import { organizationRoutes } from "../../modules/organizations/routes.js";
import { patientRoutes } from "../../modules/patients/routes.js";
import { planRoutes } from "../../modules/plans/routes.js";
import { productRoutes } from "../../modules/products/routes.js";
import { schedulingRoutes } from "../../modules/scheduling/routes.js";
import { servicesRoutes } from "../../modules/services/routes.js";
import { specialistRoutes } from "../../modules/specialists/routes.js";
import { specialtyRoutes } from "../../modules/specialties/routes.js";
import { systemRoutes } from "../../modules/system/routes.js";
import { webhookRoutes } from "../../modules/webhooks/routes.js";
import type { V1Route } from "./route.js";

/** Every `/v1` route; each module contributes its list. */
export const v1Routes: V1Route[] = [
  ...systemRoutes,
  ...authRoutes,
  ...organizationRoutes,
  ...auditRoutes,
  ...servicesRoutes,
  ...planRoutes,
  ...productRoutes,
  ...patientRoutes,
  ...specialistRoutes,
  ...specialtyRoutes,
  ...schedulingRoutes,
  ...webhookRoutes,
  ...appointmentRoutes,
  ...appointmentFileRoutes,
  ...appointmentReviewRoutes,
  ...videoRoutes,
];
