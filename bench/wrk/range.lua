-- GET of one byte range at a random offset, like a progressive player seeking.
-- wrk ... -s range.lua <url> -- <path with query> <file size> [range length, default 1 MiB]
package.path = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua;" .. package.path
require("report")

local path, size, length

function init(args)
  path = args[1]
  size = tonumber(args[2])
  length = tonumber(args[3] or 1048576)
  math.randomseed(os.time() * 1000 + (thread_number or 0))
end

function request()
  local from = math.random(0, size - length)
  return wrk.format("GET", path, { ["Range"] = string.format("bytes=%d-%d", from, from + length - 1) })
end
