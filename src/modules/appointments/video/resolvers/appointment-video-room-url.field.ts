import { builder } from "../../../../graphql/builder.js";
import { AppointmentRef } from "../../graphql-refs.js";

builder.prismaObjectField(AppointmentRef, "videoRoomUrl", (t) =>
  t.exposeString("videoRoomUrl", {
    nullable: true,
    description:
      "Telehealth: the Daily.co room, once made (null before, and once deleted). Private: join with `joinVideoVisit`.",
  }),
);
