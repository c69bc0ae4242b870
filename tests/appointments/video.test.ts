import { describe, expect, it } from "vitest";
import type { TaskDefinition } from "../../src/jobs/task.js";
import {
  scheduleVideoRoom,
  scheduleVideoRoomDeletion,
} from "../../src/modules/appointments/video/domain/schedule-video-room.js";
import { VideoProviderError } from "../../src/modules/appointments/video/errors.js";
import { createVideoRoom } from "../../src/modules/appointments/video/tasks/create-video-room.task.js";
import { deleteVideoRoom } from "../../src/modules/appointments/video/tasks/delete-video-room.task.js";
import { graphql } from "../generated/gql.js";
import { useDailyStandIn } from "../support/daily-stand-in.js";
import { globalId, gqlData } from "../support/graphql.js";
import { useTestServer } from "../support/server.js";
import { v1 } from "../support/v1.js";
import { CancelAppointment } from "./documents.js";
import { eventually, type VideoClinic, videoAppointment, videoClinic } from "./video-fixtures.js";

const Join = graphql(`
  mutation VideoJoin($appointmentId: ID!) {
    joinVideoVisit(appointmentId: $appointmentId) {
      __typename
      ... on MutationJoinVideoVisitSuccess { data { roomUrl token expiresAt isOwner } }
      ... on Error { code message }
      ... on NotFoundError { entity }
      ... on VideoUnavailableError { reason opensAt closesAt }
      ... on VideoProviderError { status providerError providerInfo }
    }
  }
`);

const AppointmentVideo = graphql(`
  query VideoAppointmentRoom($id: ID!) {
    node(id: $id) { ... on Appointment { videoRoomUrl } }
  }
`);

const MINUTE = 60_000;
const appointmentGlobalId = (id: string) => globalId("Appointment", id);
const seconds = (at: Date) => Math.floor(at.getTime() / 1000);

const daily = useDailyStandIn();
const server = useTestServer({ worker: true, env: () => ({ DAILY_API_URL: daily.url, DAILY_TIMEOUT_MS: "300" }) });

const clinic = (options?: Parameters<typeof videoClinic>[2]) => videoClinic(server, daily, options);
const appointment = (c: VideoClinic, options: Parameters<typeof videoAppointment>[2]) =>
  videoAppointment(server, c, options);
const stored = (id: string) => server.services.adminDb.appointment.findUniqueOrThrow({ where: { id } });
/** Runs a task's job body in the test, as the worker would once. */
const runJob = <P>(task: TaskDefinition<P>, payload: P) =>
  task.run(payload, { services: server.services, log: server.services.log, jobId: "test", attempts: 1 });
const roomRequests = (name: string) => daily.requests.filter((r) => r.path === "/rooms" && r.body?.name === name);
const join = (appointmentId: string, headers: Record<string, string>) =>
  gqlData(server.url, Join, { appointmentId: appointmentGlobalId(appointmentId) }, headers).then(
    (r) => r.joinVideoVisit,
  );

describe("the create_video_room job", () => {
  it("makes each organization's room with that organization's own Daily key", async () => {
    const viaIntegration = await clinic();
    const viaServerConfig = await clinic({ apiUrl: "server" });
    const a = await appointment(viaIntegration, { startsInMinutes: 2 * 24 * 60 });
    const b = await appointment(viaServerConfig, { startsInMinutes: 2 * 24 * 60 });
    await server.services.adminDb.$transaction(async (tx) => {
      await scheduleVideoRoom(tx, a);
      await scheduleVideoRoom(tx, b);
    });

    expect(
      await eventually(async () => Boolean((await stored(a.id)).videoRoomName && (await stored(b.id)).videoRoomName)),
    ).toBe(true);
    for (const [c, row] of [
      [viaIntegration, await stored(a.id)],
      [viaServerConfig, await stored(b.id)],
    ] as const) {
      const name = row.videoRoomName as string;
      expect(roomRequests(name).map((r) => r.apiKey)).toEqual([c.apiKey]);
      const [room] = daily.roomsOf(c.apiKey);
      expect(room).toMatchObject({ name, privacy: "private", url: `https://${c.domain}.daily.co/${name}` });
      expect(room?.config).toEqual({ nbf: seconds(row.startAt) - 10 * 60, exp: seconds(row.endAt) + 30 * 60 });
      expect(row.videoRoomUrl).toBe(room?.url);
    }
    const audit = await server.services.adminDb.auditLog.findMany({
      where: { entityId: a.id, action: "appointment.create_video_room" },
    });
    expect(audit).toHaveLength(1);
  });

  it("retries Daily's 5xx answers and timeouts within a run, then stores the room", async () => {
    const c = await clinic();
    const failing = await appointment(c, { startsInMinutes: 3 * 24 * 60 });
    daily.failNext(2, 503);
    await runJob(createVideoRoom, { appointmentId: failing.id });
    const name = (await stored(failing.id)).videoRoomName as string;
    expect(roomRequests(name)).toHaveLength(3);

    const hanging = await appointment(c, { startsInMinutes: 4 * 24 * 60 });
    daily.hangNext(1);
    await runJob(createVideoRoom, { appointmentId: hanging.id });
    const hangingName = (await stored(hanging.id)).videoRoomName as string;
    expect(roomRequests(hangingName)).toHaveLength(2);
    expect(
      daily
        .roomsOf(c.apiKey)
        .map((r) => r.name)
        .sort(),
    ).toEqual([name, hangingName].sort());
  });

  it("does not block booking while Daily is down: the job fails, and a later run makes the room", async () => {
    const c = await clinic();
    const booked = await appointment(c, { startsInMinutes: 5 * 24 * 60 });
    daily.failNext(3, 500);
    await server.services.adminDb.$transaction((tx) => scheduleVideoRoom(tx, booked));

    expect(await eventually(async () => (await stored(booked.id)).videoRoomName !== null, 20_000)).toBe(true);
    const name = (await stored(booked.id)).videoRoomName as string;
    // Three failed attempts in the first run, then graphile-worker's retry succeeded.
    expect(roomRequests(name)).toHaveLength(4);
  });

  it("fails at once with Daily's error on a 4xx, so a wrong key is not hammered", async () => {
    const c = await clinic({ unknownKey: true });
    const booked = await appointment(c, { startsInMinutes: 2 * 24 * 60 });
    const run = runJob(createVideoRoom, { appointmentId: booked.id });
    await expect(run).rejects.toBeInstanceOf(VideoProviderError);
    await expect(run).rejects.toMatchObject({ status: 401, providerError: "authentication-error" });
    expect(daily.requests.filter((r) => r.apiKey === c.apiKey)).toHaveLength(1);
  });

  it("makes no room for an in-clinic or cancelled appointment, nor without a Daily integration", async () => {
    const c = await clinic();
    const inClinic = await appointment(c, { startsInMinutes: 6 * 24 * 60, deliveryMode: "in_clinic" });
    const cancelled = await appointment(c, { startsInMinutes: 7 * 24 * 60, status: "cancelled" });
    const none = await clinic({ withoutIntegration: true });
    const noIntegration = await appointment(none, { startsInMinutes: 2 * 24 * 60 });
    for (const appointmentId of [inClinic.id, cancelled.id, noIntegration.id]) {
      await runJob(createVideoRoom, { appointmentId });
      expect((await stored(appointmentId)).videoRoomName).toBeNull();
    }
    expect(daily.requests.filter((r) => r.apiKey === c.apiKey || r.apiKey === none.apiKey)).toEqual([]);
  });

  it("replaces the room of a rescheduled appointment and deletes the old one", async () => {
    const c = await clinic();
    const booked = await appointment(c, { startsInMinutes: 8 * 24 * 60 });
    await runJob(createVideoRoom, { appointmentId: booked.id });
    const before = await stored(booked.id);
    await server.services.adminDb.$transaction(async (tx) => {
      await tx.appointment.update({
        where: { id: booked.id },
        data: {
          startAt: new Date(before.startAt.getTime() + 60 * MINUTE),
          endAt: new Date(before.endAt.getTime() + 60 * MINUTE),
        },
      });
      await scheduleVideoRoom(tx, booked);
    });
    expect(
      await eventually(async () => {
        const names = daily.roomsOf(c.apiKey).map((r) => r.name);
        return names.length === 1 && names[0] !== before.videoRoomName;
      }),
    ).toBe(true);
    const after = await stored(booked.id);
    expect(after.videoRoomName).toBe(daily.roomsOf(c.apiKey)[0]?.name);
    expect(daily.roomsOf(c.apiKey)[0]?.config).toMatchObject({ nbf: seconds(after.startAt) - 10 * 60 });
  });
});

describe("the delete_video_room job", () => {
  it("deletes the room with the organization's key and forgets it on the appointment", async () => {
    const c = await clinic();
    const booked = await appointment(c, { startsInMinutes: 2 * 24 * 60 });
    await runJob(createVideoRoom, { appointmentId: booked.id });
    const withRoom = await stored(booked.id);
    await server.services.adminDb.$transaction(async (tx) => {
      await tx.appointment.update({
        where: { id: booked.id },
        data: { status: "cancelled", cancelledAt: new Date(), cancelledBy: "staff" },
      });
      await scheduleVideoRoomDeletion(tx, withRoom);
    });

    expect(await eventually(async () => (await stored(booked.id)).videoRoomName === null)).toBe(true);
    expect(daily.roomsOf(c.apiKey)).toEqual([]);
    const deletion = daily.requests.find((r) => r.method === "DELETE" && r.path === `/rooms/${withRoom.videoRoomName}`);
    expect(deletion?.apiKey).toBe(c.apiKey);
  });

  it("counts a room Daily no longer has as deleted", async () => {
    const c = await clinic();
    await expect(
      runJob(deleteVideoRoom, { organizationId: c.organizationId, roomName: "cg-already-gone" }),
    ).resolves.toBeUndefined();
    expect(daily.requests.filter((r) => r.apiKey === c.apiKey).map((r) => r.method)).toEqual(["DELETE"]);
  });

  it("queues nothing for an appointment without a room", async () => {
    const c = await clinic();
    const booked = await appointment(c, { startsInMinutes: 2 * 24 * 60 });
    // Counted inside the transaction, before the worker can see (and run) what it queued.
    const queued = await server.services.adminDb.$transaction(async (tx) => {
      const count = async () => {
        const [row] = await tx.$queryRaw<{ n: bigint }[]>`
          SELECT count(*) AS n FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
          WHERE t.identifier = 'delete_video_room' AND j.payload->>'organizationId' = ${c.organizationId}`;
        return Number(row?.n);
      };
      await scheduleVideoRoomDeletion(tx, booked);
      const withoutRoom = await count();
      await scheduleVideoRoomDeletion(tx, { ...booked, videoRoomName: "cg-control" });
      return { withoutRoom, withRoom: await count() };
    });
    expect(queued).toEqual({ withoutRoom: 0, withRoom: 1 });
  });
});

describe("joinVideoVisit", () => {
  it("gives the specialist an owner token and the patient a guest token for the same room, valid around the visit", async () => {
    const c = await clinic();
    const visit = await appointment(c, { startsInMinutes: 5 });
    const owner = await join(visit.id, c.specialistMember.headers);
    const guest = await join(visit.id, c.patientMember.headers);
    if (owner.__typename !== "MutationJoinVideoVisitSuccess" || guest.__typename !== "MutationJoinVideoVisitSuccess") {
      throw new Error(`join failed: ${JSON.stringify({ owner, guest })}`);
    }

    const row = await stored(visit.id);
    const window = { nbf: seconds(row.startAt) - 10 * 60, exp: seconds(row.endAt) + 30 * 60 };
    // The job had not run: joining made the room, once.
    expect(roomRequests(row.videoRoomName as string)).toHaveLength(1);
    expect(owner.data.roomUrl).toBe(`https://${c.domain}.daily.co/${row.videoRoomName}`);
    expect(guest.data.roomUrl).toBe(owner.data.roomUrl);
    expect(owner.data).toMatchObject({ isOwner: true, expiresAt: new Date(window.exp * 1000).toISOString() });
    expect(guest.data.isOwner).toBe(false);
    expect(daily.decodeToken(owner.data.token)).toMatchObject({
      r: row.videoRoomName,
      o: true,
      u: "Sam Spec",
      ...window,
    });
    expect(daily.decodeToken(guest.data.token)).toMatchObject({
      r: row.videoRoomName,
      o: false,
      u: "Pat Ient",
      ...window,
    });
    const tokenRequests = daily.requests.filter((r) => r.path === "/meeting-tokens" && r.apiKey === c.apiKey);
    expect(tokenRequests.map((r) => r.body.properties.is_owner)).toEqual([true, false]);

    const seen = await gqlData(
      server.url,
      AppointmentVideo,
      { id: appointmentGlobalId(visit.id) },
      c.patientMember.headers,
    );
    expect(seen.node).toEqual({ videoRoomUrl: owner.data.roomUrl });
    const audit = await server.services.adminDb.auditLog.findMany({
      where: { entityId: visit.id, action: "appointment.join_video" },
    });
    expect(audit).toHaveLength(2);
  });

  it("lets the organization's owner join as owner, but no other staff", async () => {
    const c = await clinic();
    const visit = await appointment(c, { startsInMinutes: -5 });
    const asOwner = await join(visit.id, c.org.owner);
    expect(asOwner).toMatchObject({ __typename: "MutationJoinVideoVisitSuccess", data: { isOwner: true } });
    const staff = await server.addMember(c.org, "staff");
    expect(await join(visit.id, staff.headers)).toMatchObject({ __typename: "ForbiddenError" });
  });

  it("answers VideoUnavailableError outside the window, for in-clinic and cancelled visits, and without an integration", async () => {
    const c = await clinic();
    const later = await appointment(c, { startsInMinutes: 24 * 60 });
    const early = await join(later.id, c.patientMember.headers);
    expect(early).toMatchObject({
      __typename: "VideoUnavailableError",
      reason: "OUTSIDE_WINDOW",
      opensAt: new Date(later.startAt.getTime() - 10 * MINUTE).toISOString(),
    });
    const past = await appointment(c, { startsInMinutes: -120 });
    expect(await join(past.id, c.patientMember.headers)).toMatchObject({ reason: "OUTSIDE_WINDOW" });
    const inClinic = await appointment(c, { startsInMinutes: 2 * 24 * 60, deliveryMode: "in_clinic" });
    expect(await join(inClinic.id, c.specialistMember.headers)).toMatchObject({ reason: "NOT_TELEHEALTH" });
    const cancelled = await appointment(c, { startsInMinutes: 3, status: "cancelled" });
    expect(await join(cancelled.id, c.specialistMember.headers)).toMatchObject({ reason: "NOT_ACTIVE" });
    const none = await clinic({ withoutIntegration: true });
    const noIntegration = await appointment(none, { startsInMinutes: 0 });
    expect(await join(noIntegration.id, none.specialistMember.headers)).toMatchObject({ reason: "NO_INTEGRATION" });
    expect(daily.requests.filter((r) => r.apiKey === c.apiKey)).toEqual([]);
  });

  it("answers VideoProviderError with Daily's error when Daily keeps failing", async () => {
    const c = await clinic();
    const visit = await appointment(c, { startsInMinutes: 0 });
    daily.failNext(3, 500);
    expect(await join(visit.id, c.specialistMember.headers)).toMatchObject({
      __typename: "VideoProviderError",
      status: 500,
      providerError: "server-error",
    });
    expect((await stored(visit.id)).videoRoomName).toBeNull();
  });

  it("answers not found for another organization's appointment, and to another patient", async () => {
    const c = await clinic();
    const visit = await appointment(c, { startsInMinutes: 5 });
    const other = await server.createOrganization("Other Clinic");
    const outsider = await server.addMember(other, "specialist");
    expect(await join(visit.id, other.owner)).toMatchObject({ __typename: "NotFoundError", entity: "Appointment" });
    expect(await join(visit.id, outsider.headers)).toMatchObject({ __typename: "NotFoundError" });
    const anotherPatient = await server.addMember(c.org, "patient");
    expect(await join(visit.id, anotherPatient.headers)).toMatchObject({ __typename: "NotFoundError" });
    expect(daily.requests.filter((r) => r.apiKey === c.apiKey)).toEqual([]);
  });
});

describe("POST /v1/appointments/:id/video-token", () => {
  it("answers the token, 409 outside the window and 404 across organizations", async () => {
    const c = await clinic();
    const visit = await appointment(c, { startsInMinutes: 5 });
    const path = (id: string) => `/v1/appointments/${encodeURIComponent(appointmentGlobalId(id))}/video-token`;

    const ok = await v1(server.url, "POST", path(visit.id), c.specialistMember.headers);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ isOwner: true, roomUrl: expect.stringContaining(`https://${c.domain}.daily.co/`) });
    expect(daily.decodeToken(ok.body.token)).toMatchObject({ o: true });

    const later = await appointment(c, { startsInMinutes: 24 * 60 });
    const early = await v1(server.url, "POST", path(later.id), c.patientMember.headers);
    expect(early).toMatchObject({ status: 409, body: { error: { code: "VIDEO_UNAVAILABLE" } } });

    const other = await server.createOrganization("Elsewhere");
    expect((await v1(server.url, "POST", path(visit.id), other.owner)).status).toBe(404);
  });
});

const BookVideo = graphql(`
  mutation VideoBook($input: BookAppointmentInput!) {
    bookAppointment(input: $input) { __typename ... on MutationBookAppointmentSuccess { data { appointmentId } } ... on Error { code message } }
  }
`);
describe("booking and cancelling through the API", () => {
  it("a booked telehealth appointment gets its room from the job; cancelling it deletes the room", async () => {
    const c = await clinic();
    const { adminDb } = server.services;
    const calendarId = c.calendarIds.telehealth;
    await adminDb.calendarSpecialist.create({
      data: { organizationId: c.organizationId, calendarId, specialistId: c.specialistId },
    });
    await adminDb.specialistWeeklyHours.createMany({
      data: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
        organizationId: c.organizationId,
        specialistId: c.specialistId,
        weekday,
        startMinute: 0,
        endMinute: 1440,
      })),
    });
    const start = new Date(Math.ceil((Date.now() + 2 * 86_400_000) / (30 * MINUTE)) * 30 * MINUTE).toISOString();
    const booked = await gqlData(
      server.url,
      BookVideo,
      {
        input: {
          calendarId: globalId("Calendar", calendarId),
          start,
          patientId: globalId("Patient", c.patientId),
        },
      },
      c.org.owner,
    );
    if (booked.bookAppointment.__typename !== "MutationBookAppointmentSuccess") throw new Error(JSON.stringify(booked));
    const id = booked.bookAppointment.data.appointmentId;
    expect(await eventually(async () => daily.roomsOf(c.apiKey).length === 1, 10_000)).toBe(true);
    const { node } = await gqlData(server.url, AppointmentVideo, { id }, c.org.owner);
    expect(node).toMatchObject({ videoRoomUrl: daily.roomsOf(c.apiKey)[0]?.url });

    await gqlData(server.url, CancelAppointment, { id }, c.org.owner);
    expect(await eventually(async () => daily.roomsOf(c.apiKey).length === 0, 10_000)).toBe(true);
  });
});
