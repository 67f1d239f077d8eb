package dev.klingbot.core.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A test that runs once on each kind of database ({@link TestDatabases#kinds()}); it takes the kind
 * as its {@code String} parameter and opens it with {@link TestDatabases#open}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest
@MethodSource("dev.klingbot.core.testing.TestDatabases#kinds")
public @interface OnEveryDatabase {}
