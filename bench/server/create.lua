-- POST /api/tasks/: a new task per request, each with a distinct title.
local counter = 0
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BIZY_BENCH_TOKEN")
wrk.headers["Content-Type"] = "application/json"

function request()
    counter = counter + 1
    local body = string.format(
        '{"title":"bench task %d","priority":%d,"category":"bench","tags":["a","b"],'
            .. '"due_date":"2030-01-01T10:00:00Z","description":"created by wrk"}',
        counter, counter % 5 + 1)
    return wrk.format("POST", "/api/tasks/", nil, body)
end
function done(summary, latency, requests)
    io.write(string.format("non-2xx: %d\n", summary.errors.status))
end
