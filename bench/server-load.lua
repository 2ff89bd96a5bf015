-- wrk script for bench/server-load.sh. From the environment:
--   WRK_TOKEN      a Bearer token to send (none when unset)
--   WRK_PUT_BYTES  when set, every request is a PUT of a body this long (an upload)
-- At the end it prints one line, WRK_RESULT {json}, that the shell script reads: counts, errors and latency
-- percentiles in microseconds (wrk's own histogram, the same one --latency prints).

local token = os.getenv("WRK_TOKEN")
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end

local size = tonumber(os.getenv("WRK_PUT_BYTES") or "")
if size and size > 0 then
  wrk.method = "PUT"
  wrk.headers["Content-Type"] = "application/octet-stream"
  -- the same printable bytes in every request (wrk sends one prepared request over and over)
  local bytes = {}
  for i = 1, size do
    bytes[i] = string.char(33 + (i * 7919) % 94)
  end
  wrk.body = table.concat(bytes)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRK_RESULT {"requests": %d, "duration_us": %d, "connect": %d, "read": %d, "write": %d, '
    .. '"timeout": %d, "non2xx": %d, "p50_us": %.0f, "p90_us": %.0f, "p99_us": %.0f, "max_us": %.0f}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.timeout, e.status,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
