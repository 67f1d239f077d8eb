package dev.klingbot.core.store;

import java.util.List;
import java.util.TreeSet;

/**
 * The part of one platform's servers a bot process serves, by Discord's sharding rule: a server
 * whose id is the snowflake {@code id} is on shard {@code (id >> 22) % total}. {@link #ALL} serves
 * every server (a platform without shards, or a process that runs all of them).
 *
 * @param total the number of shards of all processes together; 0 or 1 for all
 * @param ids the shards this process runs, each below {@code total}
 */
public record ServerShards(int total, List<Integer> ids) {
  /** Every server. */
  public static final ServerShards ALL = new ServerShards(0, List.of());

  public ServerShards {
    if (total < 0) {
      throw new IllegalArgumentException("total must not be negative: " + total);
    }
    ids = List.copyOf(new TreeSet<>(ids));
    for (int id : ids) {
      if (id < 0 || id >= Math.max(total, 1)) {
        throw new IllegalArgumentException("shard " + id + " is not below the total " + total);
      }
    }
  }

  /** Whether this process serves every server. */
  public boolean all() {
    return total <= 1 || ids.isEmpty() || ids.size() == total;
  }

  /** Whether the server with this id is served here (ids that are no snowflake always are). */
  public boolean holds(String serverId) {
    if (all() || !serverId.matches("\\d{1,19}")) {
      return true;
    }
    try {
      return ids.contains((int) ((Long.parseLong(serverId) >> 22) % total));
    } catch (NumberFormatException e) {
      return true;
    }
  }

  /**
   * The SQL condition (H2 and PostgreSQL) that keeps the rows of {@code platformId} on these shards
   * and every row of other platforms; empty when this process serves every server. It only reads
   * {@code platform} and {@code server_id}, and only holds numbers of its own, so nothing from
   * outside reaches the SQL.
   */
  String sqlCondition(String platformId) {
    if (all()) {
      return "";
    }
    if (!platformId.matches("[a-z]+")) {
      throw new IllegalArgumentException("not a platform id: " + platformId);
    }
    StringBuilder sql =
        new StringBuilder(" AND (CASE WHEN platform = '")
            .append(platformId)
            // only digits (H2's TRANSLATE removes nothing with an empty replacement)
            .append("' AND TRANSLATE(server_id, '0123456789', '0000000000')")
            .append(" = REPEAT('0', LENGTH(server_id))")
            .append(" AND LENGTH(server_id) BETWEEN 1 AND 19")
            .append(" THEN MOD(CAST(server_id AS BIGINT) / 4194304, ")
            .append(total)
            .append(") ELSE -1 END) IN (-1");
    for (int id : ids) {
      sql.append(", ").append(id);
    }
    return sql.append(')').toString();
  }
}
