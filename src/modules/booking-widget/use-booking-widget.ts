import type { Plugin } from "graphql-yoga";
import { requestIdOf } from "../../http/context.js";
import { V1_INTERNAL_HOST } from "../../http/v1/router.js";
import { calendarQuery } from "./page/widget-operations.js";
import { type WidgetCalendar, widgetNotFoundPage, widgetPage } from "./page/widget-page.js";

const path = /^\/widget\/([^/]+)\/?$/;

/**
 * Serves `GET /widget/:slug`, the booking page of a published calendar (404 otherwise). The
 * calendar is read by running `publicCalendar` through the same Yoga instance, so the page sees
 * exactly what any anonymous API client would, through the same tenancy rules.
 */
export function useBookingWidget(
  graphqlFetch: () => (request: Request, serverContext: object) => Promise<Response>,
): Plugin {
  return {
    async onRequest({ request, url, endResponse, serverContext }) {
      if (url.pathname !== "/widget" && !url.pathname.startsWith("/widget/")) return;
      if (request.method !== "GET") {
        return endResponse(new Response(null, { status: 405, headers: { allow: "GET" } }));
      }
      const slug = slugOf(url.pathname);
      const calendar = slug
        ? await publicCalendar(slug, requestIdOf(request), (r) => graphqlFetch()(r, serverContext))
        : null;
      endResponse(calendar ? widgetPage(calendar) : widgetNotFoundPage());
    },
  };
}

function slugOf(pathname: string): string | null {
  const encoded = path.exec(pathname)?.[1];
  if (!encoded) return null;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null; // A malformed escape is no calendar's slug.
  }
}

async function publicCalendar(
  slug: string,
  requestId: string,
  graphqlFetch: (request: Request) => Promise<Response>,
): Promise<WidgetCalendar | null> {
  const response = await graphqlFetch(
    // The internal host keeps this call out of the access log: the page request is logged once.
    new Request(`http://${V1_INTERNAL_HOST}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", "x-request-id": requestId },
      body: JSON.stringify({ query: calendarQuery, variables: { slug } }),
    }),
  );
  const result = (await response.json()) as {
    data?: { publicCalendar: WidgetCalendar | null } | null;
    errors?: unknown[];
  };
  if (result.errors?.length) throw new Error(`publicCalendar failed: ${JSON.stringify(result.errors)}`);
  return result.data?.publicCalendar ?? null;
}
