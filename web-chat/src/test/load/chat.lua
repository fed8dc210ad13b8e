-- wrk script: one REST chat turn per request, each starting a new conversation; the session id of every
-- acknowledged (200) turn is written to <dir>/acked-<thread>.txt so the turns can be counted in chat_sessions after.
local messages = {"something calm to study to", "upbeat workout music", "some classic rock", "hi there",
                  "more like Daft Punk", "80s rock", "something sad", "play something by Queen"}
local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  dir = os.getenv("LOAD_DIR") or "."
  acked = io.open(dir .. "/acked-" .. (os.getenv("RUN") or "run") .. "-" .. id .. ".txt", "w")
end

function request()
  counter = counter + 1
  local body = '{"message":"' .. messages[(counter % #messages) + 1] .. '"}'
  return wrk.format("POST", "/api/chat", {["Content-Type"] = "application/json"}, body)
end

function response(status, headers, body)
  if status == 200 then
    local session = string.match(body, '"sessionId":"([^"]+)"')
    if session then acked:write(session, "\n") end
  end
end
