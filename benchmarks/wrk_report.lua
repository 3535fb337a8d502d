-- wrk script for benchmarks/web.py: sends the Cookie header from $WRK_COOKIE (kept off the
-- command line, where `ps` shows it) and a browser's Accept-Encoding (pages are compressed
-- for people, so they are here), counts responses that are not 200, and prints one line
-- "WRK_JSON {...}" with throughput, latency percentiles (microseconds) and errors.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

non200 = 0
last_status = 0

function init(args)
  wrk.headers["Accept-Encoding"] = "gzip, deflate, br"
  local cookie = os.getenv("WRK_COOKIE")
  if cookie and cookie ~= "" then
    wrk.headers["Cookie"] = cookie
  end
end

function response(status, headers, body)
  if status ~= 200 then
    non200 = non200 + 1
    last_status = status
  end
end

function done(summary, latency, requests)
  local bad, status = 0, 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("non200")
    if thread:get("last_status") ~= 0 then
      status = thread:get("last_status")
    end
  end
  local errors = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests": %d, "duration_us": %d, "bytes": %d, "non200": %d, '
      .. '"last_non200": %d, "errors": {"connect": %d, "read": %d, "write": %d, '
      .. '"status": %d, "timeout": %d}, "latency_us": {"mean": %.1f, "max": %d, '
      .. '"p50": %d, "p90": %d, "p99": %d}}\n',
    summary.requests, summary.duration, summary.bytes, bad, status,
    errors.connect, errors.read, errors.write, errors.status, errors.timeout,
    latency.mean, latency.max,
    latency:percentile(50), latency:percentile(90), latency:percentile(99)
  ))
end
