-- wrk script for the turns benchmark's external mode: posts Teams-shaped personal-chat messages to /api/messages,
-- spread over N conversations, each with a fresh activity id. Replies go to the serviceUrl (the bench's fake connector).
--   wrk -t2 -c64 -d10s --latency -s bench/turns.lua http://127.0.0.1:<port>/api/messages -- <serviceUrl> <text> [conversations] [prefix]
-- The bench prints and runs this command itself: OrganBot.Bench turns --wrk true

local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("tid", thread_count)
end

local function escape(s)
  return (s:gsub('[%c"\\]', function(c) return string.format("\\u%04x", c:byte()) end))
end

function init(args)
  service_url = escape(args[1] or "http://127.0.0.1:1/")
  text = escape(args[2] or "帮助")
  conversations = tonumber(args[3] or "64")
  prefix = args[4] or "wrk"
  sent = 0
end

function request()
  sent = sent + 1
  local member = (tid * 7919 + sent) % conversations
  local body = string.format(
    '{"type":"message","id":"%s-%d-%d","timestamp":"%s","serviceUrl":"%s","channelId":"msteams",' ..
    '"from":{"id":"29:bench-member-%d","name":"成员%d","aadObjectId":"bbbbbbbb-0000-0000-0000-%012d"},' ..
    '"recipient":{"id":"28:organbot-bench","name":"OrganBot"},' ..
    '"conversation":{"conversationType":"personal","tenantId":"11111111-2222-3333-4444-555555555555","id":"a:%s-%d"},' ..
    '"locale":"zh-CN","text":"%s","textFormat":"plain","channelData":{"tenant":{"id":"11111111-2222-3333-4444-555555555555"}}}',
    prefix, tid, sent, os.date("!%Y-%m-%dT%H:%M:%SZ"), service_url, member, member, member, prefix, member, text)
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("wrk-result requests=%d duration_us=%d errors=%d status_errors=%d timeouts=%d p50_us=%d p99_us=%d max_us=%d\n",
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status, e.timeout,
    latency:percentile(50), latency:percentile(99), latency.max))
end
