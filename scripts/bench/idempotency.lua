-- wrk script: POST one GraphQL mutation (BODY env, with __ID__ replaced by each line of
-- IDS_FILE in turn) with a bearer token (TOKEN); with KEYED=1 each request carries an
-- Idempotency-Key of its own, as a phone's first try would. An answer that carries
-- GraphQL `errors` (HTTP 200) counts as a failure.
local ids = {}
for line in io.lines(os.getenv("IDS_FILE")) do
  if #line > 0 then ids[#ids + 1] = line end
end
local body = os.getenv("BODY")
local token = os.getenv("TOKEN")
local keyed = os.getenv("KEYED") == "1"
local threads = {}
local counter = 0
local failed = 0

-- Keys unique across runs too: wrk does not seed Lua's random numbers.
math.randomseed(os.time())
local run_id = os.time() * 1000 + math.random(0, 999)

function setup(thread)
  thread:set("tid", #threads + 1)
  thread:set("run", run_id)
  threads[#threads + 1] = thread
end

function request()
  counter = counter + 1
  local id = ids[(counter % #ids) + 1]
  local headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
  if keyed then
    headers["Idempotency-Key"] = string.format("bench-%d-%d-%d", run, tid, counter)
  end
  return wrk.format("POST", "/graphql", headers, (body:gsub("__ID__", id)))
end

function response(status, headers, body)
  if status ~= 200 or body:find('"errors"', 1, true) then
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local graphql_failed = 0
  for _, t in ipairs(threads) do
    graphql_failed = graphql_failed + (t:get("failed") or 0)
  end
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + graphql_failed
  io.write(string.format("RESULT rps=%.0f p50_ms=%.2f p99_ms=%.2f requests=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, errors))
end
