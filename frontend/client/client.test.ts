// The typed client against the real server with demo data: the README's example reads
// the demo patient's record; a machine client made by the administrator gets its own
// token with client_credentials; a refused secret and an unknown field come back as
// errors with the server's codes; queries go by hash after the first time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain JavaScript helper shared with the browser tests
import { startServer } from "../e2e/server.mjs";
import { readRecord } from "./example/read-record";
import { ArogyaClient, ArogyaError } from "./index";

let server: { url: string; stop: () => Promise<void> };

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
});

describe("the typed client", () => {
  it("reads a patient's record, as the example in its README does", async () => {
    const lines = await readRecord(server.url, "9433012345");
    expect(lines[0]).toMatch(/\(WB-\d{4}-\d{4}-\d{4}\), (MALE|FEMALE|OTHER|UNKNOWN), \d+ years/);
    expect(lines.length).toBeGreaterThan(1);
  });

  it("gets a machine client's token and sends queries by hash after the first time", async () => {
    const admin = new ArogyaClient({ baseUrl: server.url, credentials: { tenantCode: "WB", login: "wb.admin", password: "wb-demo-admin-2026" } });
    const made = await admin.request<{ createApiClient: { clientSecret: string; client: { clientId: string } } }, { input: unknown }>(
      "mutation Make($input: CreateApiClientInput!) { createApiClient(input: $input) { clientSecret client { clientId } } }",
      { input: { name: "Typed client test", scopes: [{ role: "SURVEYOR" }] } },
    );
    const bodies: string[] = [];
    const watching: typeof fetch = (input, init) => {
      if (String(input).endsWith("/graphql")) bodies.push(String(init?.body));
      return fetch(input, init);
    };
    const machine = new ArogyaClient({
      baseUrl: server.url,
      credentials: { clientId: made.createApiClient.client.clientId, clientSecret: made.createApiClient.clientSecret },
      fetch: watching,
    });
    const me = "query Me { me { userId roles { role } } }";
    const first = await machine.request<{ me: { roles: { role: string }[] } }>(me);
    expect(first.me.roles.map((r) => r.role)).toEqual(["SURVEYOR"]);
    await machine.request(me);
    expect(bodies.map((b) => "query" in JSON.parse(b))).toEqual([true, false]);

    const wrong = new ArogyaClient({ baseUrl: server.url, credentials: { clientId: made.createApiClient.client.clientId, clientSecret: "not the secret" } });
    await expect(wrong.request(me)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(machine.request("{ nothingLikeThis }")).rejects.toBeInstanceOf(ArogyaError);
  });
});
