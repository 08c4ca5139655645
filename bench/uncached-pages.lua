-- wrk script: every request asks for a different page of the seat list (600 distinct URLs, more than the
-- server keeps), so each one goes through Express, validation, filtering and serialisation.
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "/api/seats?boundarySet=2024&limit=50&offset=" .. (counter % 600))
end
