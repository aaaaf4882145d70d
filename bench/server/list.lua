-- GET /api/tasks/ with the seeded user's token (50 tasks per answer).
wrk.method = "GET"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BIZY_BENCH_TOKEN")
wrk.path = "/api/tasks/"

function done(summary, latency, requests)
    io.write(string.format("non-2xx: %d\n", summary.errors.status))
end
