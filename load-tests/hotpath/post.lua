-- wrk: POST a contact like a gateway would, a new customer each time, into a line nobody serves.
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer load-gateway"
request = function()
  n = n + 1
  local body = string.format('{"channel":"chat","customer":{"id":"w-%d-%d","name":"Load"},"skills":{"nobody-has-this":1},"topic":"load"}', math.random(1e9), n)
  return wrk.format(nil, nil, nil, body)
end
