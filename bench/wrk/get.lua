-- Plain GETs of the URL given to wrk, reported like the other scripts.
-- wrk ... -s get.lua <url>
package.path = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua;" .. package.path
require("report")
