-- Shared by the wrk scripts: numbers each thread (for per-thread random seeds and starting points) and prints
-- one machine-readable line that bench/api.sh parses.

local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function done(summary, latency, _)
  io.write(string.format(
    "RESULT bytes=%d requests=%d duration_us=%d status_errors=%d socket_errors=%d timeouts=%d p50_us=%d p99_us=%d\n",
    summary.bytes, summary.requests, summary.duration,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write, summary.errors.timeout,
    latency:percentile(50), latency:percentile(99)))
end
