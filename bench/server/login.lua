-- POST /api/auth/login with the seeded user's right password (one Argon2id
-- verify per request).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.path = "/api/auth/login"
wrk.body = string.format('{"username":"%s","password":"%s"}', os.getenv("BIZY_BENCH_USER"),
    os.getenv("BIZY_BENCH_PASSWORD"))
function done(summary, latency, requests)
    io.write(string.format("non-2xx: %d\n", summary.errors.status))
end
