import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { DomainError } from "@lentera/domain";
import { databaseUnavailableCode, toTRPCError } from "./errors";

const withCode = (code: string, message = "driver error") => Object.assign(new Error(message), { code });

describe("a database that is down or restarting", () => {
  it.each([
    ["ECONNREFUSED"],
    ["ECONNRESET"],
    ["CONNECTION_CLOSED"],
    ["CONNECT_TIMEOUT"],
    ["57P01"], // admin_shutdown (pg_ctl stop -m fast)
    ["57P02"], // crash_shutdown
    ["57P03"], // cannot_connect_now (starting up, recovering)
    ["08006"], // connection_failure (class 08)
  ])("%s is SERVICE_UNAVAILABLE, whose message names nothing", (code) => {
    const mapped = toTRPCError(new Error("Failed query: select … from clients", { cause: withCode(code) }));
    expect(mapped).toBeInstanceOf(TRPCError);
    expect(mapped).toMatchObject({ code: "SERVICE_UNAVAILABLE", message: "database_unavailable" });
  });

  it("finds the code inside an AggregateError (every address of the host refused)", () => {
    const refused = new AggregateError([withCode("ECONNREFUSED"), withCode("ECONNREFUSED")], "connect failed");
    expect(databaseUnavailableCode(new Error("wrapped", { cause: refused }))).toBe("ECONNREFUSED");
  });

  it("leaves other database errors alone: a unique violation or a syntax error stays what it was", () => {
    for (const code of ["23505", "42601", "40001", "57014", "ENOENT"]) {
      const error = withCode(code);
      expect(databaseUnavailableCode(error)).toBeNull();
      expect(toTRPCError(error)).toBe(error);
    }
    expect(toTRPCError(new DomainError("conflict"))).toMatchObject({ code: "CONFLICT" });
  });
});
