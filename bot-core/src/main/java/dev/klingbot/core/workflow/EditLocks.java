package dev.klingbot.core.workflow;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serializes a user's actions on one edit within this process (two quick button presses), so they
 * do not race each other to the database. Striped: a fixed set of locks chosen by edit id.
 */
final class EditLocks {
  private final ReentrantLock[] stripes = new ReentrantLock[64];

  EditLocks() {
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  <T> T with(String editId, Supplier<T> action) {
    ReentrantLock lock = stripes[Math.floorMod(editId.hashCode(), stripes.length)];
    lock.lock();
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }
}
