-- Whole-segment GETs cycling through a list of paths (one per line), like HLS players of one rendition.
-- wrk ... -s segments.lua <url> -- <file listing paths with their query>
package.path = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua;" .. package.path
require("report")

local paths = {}
local next_index

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then
      paths[#paths + 1] = line
    end
  end
  assert(#paths > 0, "no paths in " .. args[1])
  next_index = (thread_number or 1) - 1
end

function request()
  next_index = next_index % #paths + 1
  return wrk.format("GET", paths[next_index])
end
