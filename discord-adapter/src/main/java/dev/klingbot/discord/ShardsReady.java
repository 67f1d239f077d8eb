package dev.klingbot.discord;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;

/**
 * Waits until every shard of this process is ready. A shard manager logs in its first shard while
 * it is built and the others one after another in the background, so "ready" is the moment each of
 * them has received its servers from Discord.
 */
final class ShardsReady extends ListenerAdapter {
  private final Set<Integer> ready = new HashSet<>();

  @Override
  public synchronized void onReady(ReadyEvent event) {
    ready.add(event.getJDA().getShardInfo().getShardId());
    notifyAll();
  }

  /** Blocks until all {@code shardIds} have been ready once. */
  synchronized void await(Collection<Integer> shardIds) throws InterruptedException {
    while (!ready.containsAll(shardIds)) {
      wait();
    }
  }
}
