package dev.klingbot.simulator;

import java.util.Optional;

/**
 * One byte range of an HTTP {@code Range: bytes=...} header, resolved against a length.
 *
 * @param start first byte, inclusive
 * @param end last byte, inclusive
 */
record ByteRange(long start, long end) {
  long length() {
    return end - start + 1;
  }

  /** Thrown when a well-formed range lies outside the content (HTTP 416). */
  static final class UnsatisfiableException extends Exception {
    UnsatisfiableException() {
      super("range not satisfiable", null, false, false);
    }
  }

  /**
   * The range {@code header} asks of {@code length} bytes; empty when there is no header or it is
   * not a single {@code bytes} range (the whole content is then served, as RFC 9110 allows).
   */
  static Optional<ByteRange> parse(String header, long length) throws UnsatisfiableException {
    if (header == null || !header.startsWith("bytes=") || header.contains(",")) {
      return Optional.empty();
    }
    String spec = header.substring("bytes=".length()).strip();
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return Optional.empty();
    }
    String first = spec.substring(0, dash).strip();
    String last = spec.substring(dash + 1).strip();
    try {
      if (first.isEmpty()) {
        if (last.isEmpty()) {
          return Optional.empty();
        }
        long suffix = Long.parseLong(last);
        if (suffix <= 0 || length == 0) {
          throw new UnsatisfiableException();
        }
        return Optional.of(new ByteRange(Math.max(0, length - suffix), length - 1));
      }
      long start = Long.parseLong(first);
      long end = last.isEmpty() ? length - 1 : Math.min(Long.parseLong(last), length - 1);
      if (start >= length) {
        throw new UnsatisfiableException();
      }
      if (end < start) {
        return Optional.empty();
      }
      return Optional.of(new ByteRange(start, end));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
