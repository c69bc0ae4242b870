import { describe, expect, it } from "vitest";
import { subscribeToEvents } from "../../src/events/index.js";
import { uuidOf } from "../support/graphql.js";
import { useTestServer } from "../support/server.js";
import { eventually, touch } from "../webhooks/fixtures.js";

/** What each test subscriber handled, event ids in the order it handled them. */
const steady: string[] = [];
const flaky = { failing: true, failures: 0, handled: [] as string[] };

// Registered at load, as a module's subscriber is: this process's API emits to them and its worker runs them.
subscribeToEvents({
  name: "test_steady",
  task: "test_steady_events",
  eventTypes: ["organization.updated"],
  async handle(_tx, events) {
    steady.push(...events.map((e) => e.id));
  },
});
subscribeToEvents({
  name: "test_flaky",
  task: "test_flaky_events",
  eventTypes: ["organization.updated"],
  async handle(_tx, events) {
    if (flaky.failing) {
      flaky.failures++;
      throw new Error("the flaky subscriber fails");
    }
    flaky.handled.push(...events.map((e) => e.id));
  },
});

const server = useTestServer({ worker: true });

const queued = async (subscriber: string) => server.services.adminDb.eventDelivery.count({ where: { subscriber } });

describe("event subscribers", () => {
  it("each get every event they want, in their own job with its own retries: a failing one neither blocks nor repeats another", {
    timeout: 60_000,
  }, async () => {
    const org = await server.createOrganization();
    await touch(server.url, org, "One");
    await touch(server.url, org, "Two");
    const emitted = (
      await server.services.adminDb.domainEvent.findMany({
        where: { organizationId: uuidOf(org.id), type: "organization.updated" },
        orderBy: { createdAt: "asc" },
      })
    ).map((e) => e.id);
    expect(emitted).toHaveLength(2);

    // One outbox row per event; the steady subscriber handles both while the flaky one fails.
    await eventually(() => {
      expect(steady).toEqual(emitted);
      expect(flaky.failures).toBeGreaterThan(0);
    });
    expect(flaky.handled).toEqual([]);
    // The failed batch rolled back onto the flaky subscriber's queue only.
    expect(await queued("test_flaky")).toBe(2);
    expect(await queued("test_steady")).toBe(0);

    // Its job's retry (graphile-worker's backoff) handles the batch once it works again.
    flaky.failing = false;
    await eventually(() => expect(flaky.handled).toEqual(emitted), 45_000);
    expect(await queued("test_flaky")).toBe(0);
    // The steady subscriber got each event once: the other's retries did not repeat them.
    expect(steady).toEqual(emitted);
  });

  it("refuse a second subscriber of the same name or task", () => {
    const handle = async () => {};
    expect(() => subscribeToEvents({ name: "test_steady", task: "test_other_events", handle })).toThrow(
      "registered twice",
    );
    expect(() => subscribeToEvents({ name: "test_other", task: "test_flaky_events", handle })).toThrow(
      "share the task",
    );
    expect(() => subscribeToEvents({ name: "Test-Other", task: "test_other_events", handle })).toThrow(
      "lower_snake_case",
    );
  });
});
