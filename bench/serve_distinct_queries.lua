-- Every request a different query that still returns the same events (limits 10 to 1,000 and
-- start years 1900 to 2004 over a store of 2004 news), so none is answered from the server's cache.
local n = 0
request = function()
  n = n + 1
  local limit = 10 + n % 991
  local from = 1900 + math.floor(n / 991) % 105
  return wrk.format("GET", "/api/events?a=USA&b=IRQ&limit=" .. limit .. "&from=" .. from)
end
