package dev.klingbot.app.wiring;

import java.lang.reflect.Constructor;

/**
 * Constructor bindings for classes without {@code @Inject} (bot-core does not know Guice): a class
 * whose only public constructor takes nothing but other bindings is bound to that constructor,
 * instead of a provider method that would repeat its parameters.
 */
final class Constructors {
  private Constructors() {}

  /**
   * The only public constructor of {@code type}.
   *
   * @throws IllegalStateException when there is none or more than one (bind it with a provider)
   */
  @SuppressWarnings("unchecked")
  static <T> Constructor<T> onlyPublic(Class<T> type) {
    Constructor<?>[] constructors = type.getConstructors();
    if (constructors.length != 1) {
      throw new IllegalStateException(
          type.getName()
              + " has "
              + constructors.length
              + " public constructors; bind it with a provider method");
    }
    return (Constructor<T>) constructors[0];
  }
}
