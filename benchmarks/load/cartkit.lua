-- wrk script for run.sh: spreads requests uniformly over the seeded sessions.
--
--   wrk ... -s cartkit.lua http://127.0.0.1:PORT -- MODE SESSIONS_FILE SKUS_FILE
--
-- MODE is one of
--   ref   GET  /api/_reference/cart/{sessionId}   (the one-Redis-GET reference)
--   cart  GET  /api/cart/{sessionId}              (CartKit, cache hit)
--   add   POST /api/cart/{sessionId}/items        (a random sku from SKUS_FILE, quantity 1)
--   checkout  an add as above, then POST /api/cart/{sessionId}/checkout of the same cart, alternately: the cart
--             changed since its last order, so most checkouts price it and create an order superseding the last
--
-- Every request is formatted once in init(), so the load generator spends its share of the CPU on sending, not on
-- building strings. done() prints one line, "CARTKIT_RESULT {json}", that run.sh collects.

local thread_count = 0

function setup(thread)
   thread_count = thread_count + 1
   thread:set("thread_id", thread_count)
end

local requests = {}
local checkouts = {}
local pending = nil

local function read_lines(path)
   local lines = {}
   for line in io.lines(path) do
      if line ~= "" then
         lines[#lines + 1] = line
      end
   end
   if #lines == 0 then
      error("no lines in " .. path)
   end
   return lines
end

function init(args)
   local mode, sessions_file, skus_file = args[1], args[2], args[3]
   -- thread_id is set by setup() in this thread's Lua state; threads must not draw the same sequence.
   math.randomseed(os.time() + 7919 * (thread_id or 0))

   local sessions = read_lines(sessions_file)
   for _, sid in ipairs(sessions) do
      if mode == "ref" then
         requests[#requests + 1] = wrk.format("GET", "/api/_reference/cart/" .. sid)
      elseif mode == "cart" then
         requests[#requests + 1] = wrk.format("GET", "/api/cart/" .. sid)
      elseif mode == "add" then
         for _, sku in ipairs(read_lines(skus_file)) do
            local body = '{"sku":"' .. sku .. '","quantity":1}'
            requests[#requests + 1] = wrk.format(
               "POST", "/api/cart/" .. sid .. "/items", { ["Content-Type"] = "application/json" }, body)
         end
      elseif mode == "checkout" then
         local skus = read_lines(skus_file)
         local body = '{"sku":"' .. skus[math.random(#skus)] .. '","quantity":1}'
         requests[#requests + 1] = wrk.format(
            "POST", "/api/cart/" .. sid .. "/items", { ["Content-Type"] = "application/json" }, body)
         checkouts[#requests] = wrk.format("POST", "/api/cart/" .. sid .. "/checkout")
      else
         error("unknown mode '" .. tostring(mode) .. "' (ref, cart, add or checkout)")
      end
   end
end

function request()
   if pending ~= nil then
      local checkout = pending
      pending = nil
      return checkout
   end
   local i = math.random(#requests)
   pending = checkouts[i]
   return requests[i]
end

function done(summary, latency, requests)
   local e = summary.errors
   local function ms(us) return us / 1000.0 end
   io.write(string.format(
      'CARTKIT_RESULT {"requests":%d,"duration_s":%.3f,"rps":%.1f,"bytes":%d,' ..
      '"latency_ms":{"mean":%.3f,"p50":%.3f,"p90":%.3f,"p99":%.3f,"max":%.3f},' ..
      '"non_2xx":%d,"socket_errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d}}\n',
      summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6), summary.bytes,
      ms(latency.mean), ms(latency:percentile(50)), ms(latency:percentile(90)), ms(latency:percentile(99)),
      ms(latency.max),
      e.status, e.connect, e.read, e.write, e.timeout))
end
