package dev.klingbot.core.store;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Small named values the bot keeps for itself, such as the generated URL signing key. */
public final class SettingsStore {
  private final Jdbi jdbi;

  public SettingsStore(Database database) {
    this.jdbi = requireNonNull(database, "database is null").jdbi();
  }

  public Optional<String> get(String name) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("SELECT setting_value FROM settings WHERE setting_name = :name")
                .bind("name", name)
                .mapTo(String.class)
                .findOne());
  }

  /**
   * The stored value, or {@code initial} stored first. Safe when several processes start at once:
   * the first insert wins and everyone reads it.
   */
  public String getOrCreate(String name, Supplier<String> initial) {
    Optional<String> existing = get(name);
    if (existing.isPresent()) {
      return existing.get();
    }
    try {
      jdbi.useHandle(
          handle ->
              handle
                  .createUpdate(
                      "INSERT INTO settings (setting_name, setting_value) VALUES (:name, :value)")
                  .bind("name", name)
                  .bind("value", initial.get())
                  .execute());
    } catch (UnableToExecuteStatementException e) {
      if (!Sql.isUniqueViolation(e)) {
        throw e;
      }
    }
    return get(name).orElseThrow();
  }
}
