-- wrk script: POST a GraphQL body built from a template (BODY env, with __ID__ in it),
-- substituting each line of IDS_FILE in turn, with a bearer token (TOKEN env).
-- With PATH_TEMPLATE set instead of BODY, GET that path with __ID__ substituted.
local ids = {}
for line in io.lines(os.getenv("IDS_FILE")) do
  if #line > 0 then ids[#ids + 1] = line end
end
local body = os.getenv("BODY")
local path = os.getenv("PATH_TEMPLATE")
local token = os.getenv("TOKEN")
local counter = 0

function setup(thread)
  thread:set("offset", math.random(1, #ids))
end

function request()
  counter = counter + 1
  local id = ids[((counter + (offset or 0)) % #ids) + 1]
  local headers = { ["Authorization"] = "Bearer " .. token }
  if path then
    return wrk.format("GET", (path:gsub("__ID__", id)), headers)
  end
  headers["Content-Type"] = "application/json"
  return wrk.format("POST", "/graphql", headers, (body:gsub("__ID__", id)))
end

function done(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT rps=%.0f p50_ms=%.2f p99_ms=%.2f requests=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, errors))
end
