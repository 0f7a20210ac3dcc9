-- wrk script for the family status view: every request spends one of the seeded
-- codes (IDS_FILE lines: request id and code, already in JSON), each thread its own
-- half, so no code is tried twice; a GraphQL error counts as a failure.
local ids = {}
for line in io.lines(os.getenv("IDS_FILE")) do
  if #line > 0 then ids[#ids + 1] = line end
end
local body = os.getenv("BODY")
local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
  thread:set("slot", #threads)
end

function init(args)
  counter = 0
  failed = 0
  per = math.floor(#ids / 2)
end

function request()
  counter = counter + 1
  local i = (slot - 1) * per + ((counter - 1) % per) + 1
  return wrk.format("POST", "/graphql", { ["Content-Type"] = "application/json" }, (body:gsub("__ID__", ids[i])))
end

function response(status, headers, body)
  if status ~= 200 or body:find('"errors"', 1, true) then failed = failed + 1 end
end

function done(summary, latency, requests)
  local failures = 0
  for _, t in ipairs(threads) do failures = failures + t:get("failed") end
  io.write(string.format("RESULT rps=%.0f p50_ms=%.2f p99_ms=%.2f requests=%d failures=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, failures))
end
