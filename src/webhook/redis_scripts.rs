//! The Lua scripts of the Redis delivery queue. Each runs atomically; every key it touches
//! shares the queue's hash tag (`tag`), so they stay valid on Redis Cluster.

/// KEYS: dispatcher lease. ARGV: worker id, lease ms. Takes or renews the lease; 1 when held.
pub const LEAD: &str = r"
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
return 0
";

/// KEYS: events, due, dispatched. ARGV: group, tag, now, through, n, n entry ids to ack, then
/// (id, chain, body)*. Records `through` as dispatched, so a lost group resumes after it.
pub const DISPATCH: &str = r"
local tag, now, n = ARGV[2], ARGV[3], tonumber(ARGV[5])
for i = 6, 5 + n do redis.call('XACK', KEYS[1], ARGV[1], ARGV[i]) end
local through = tonumber(ARGV[4])
if through > tonumber(redis.call('GET', KEYS[3]) or '0') then redis.call('SET', KEYS[3], ARGV[4]) end
local i = 6 + n
while i <= #ARGV do
  local id, chain, body = ARGV[i], ARGV[i + 1], ARGV[i + 2]
  local key = tag .. ':delivery:' .. id
  if redis.call('EXISTS', key) == 0 then
    redis.call('SET', key, body)
    redis.call('SADD', tag .. ':deliveries:by-subscription:' .. string.match(chain, '^[^|]+'), id)
    if redis.call('RPUSH', tag .. ':chain:' .. chain, id) == 1 then redis.call('ZADD', KEYS[2], now, id) end
  end
  i = i + 3
end
return 1
";

/// KEYS: due, inflight. ARGV: now, max, lease expiry, tag. Returns delivery bodies.
pub const CLAIM: &str = r"
local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])
for _, id in ipairs(expired) do
  redis.call('ZREM', KEYS[2], id)
  redis.call('ZADD', KEYS[1], ARGV[1], id)
end
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[2])
local out = {}
for _, id in ipairs(ids) do
  redis.call('ZREM', KEYS[1], id)
  local body = redis.call('GET', ARGV[4] .. ':delivery:' .. id)
  if body then
    redis.call('ZADD', KEYS[2], ARGV[3], id)
    table.insert(out, body)
  end
end
return out
";

/// KEYS: due, inflight, dlq, dlq counter. ARGV: tag, now, then (kind, id, chain, body, at)*.
pub const SETTLE: &str = r"
local tag, now = ARGV[1], ARGV[2]
local i = 3
while i <= #ARGV do
  local kind, id, chain, body, at = ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3], ARGV[i + 4]
  local key = tag .. ':delivery:' .. id
  redis.call('ZREM', KEYS[2], id)
  if redis.call('EXISTS', key) == 1 then
    if kind == 'retry' then
      redis.call('SET', key, body)
      redis.call('ZADD', KEYS[1], at, id)
    else
      redis.call('DEL', key)
      redis.call('SREM', tag .. ':deliveries:by-subscription:' .. string.match(chain, '^[^|]+'), id)
      local ckey = tag .. ':chain:' .. chain
      redis.call('LREM', ckey, 1, id)
      local nxt = redis.call('LINDEX', ckey, 0)
      if nxt and not redis.call('ZSCORE', KEYS[2], nxt) then redis.call('ZADD', KEYS[1], 'NX', now, nxt) end
      if kind == 'dead' then
        local n = redis.call('INCR', KEYS[4])
        redis.call('XADD', KEYS[3], n .. '-0', 'd', body)
      end
    end
  end
  i = i + 5
end
return 1
";

/// KEYS: dlq, due. ARGV: tag, entry id, delivery id, chain, body, now. Returns 1 if replayed.
pub const REPLAY: &str = r"
if redis.call('XDEL', KEYS[1], ARGV[2]) == 0 then return 0 end
local key = ARGV[1] .. ':delivery:' .. ARGV[3]
redis.call('SET', key, ARGV[5])
redis.call('SADD', ARGV[1] .. ':deliveries:by-subscription:' .. string.match(ARGV[4], '^[^|]+'), ARGV[3])
if redis.call('RPUSH', ARGV[1] .. ':chain:' .. ARGV[4], ARGV[3]) == 1 then redis.call('ZADD', KEYS[2], ARGV[6], ARGV[3]) end
return 1
";
