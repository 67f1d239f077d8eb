package dev.klingbot.simulator;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Resolves {@code image_list[].image} strings: an http(s) URL is fetched (an unreachable one is
 * HTTP 400 code 1201), anything else must be plain Base64 (no {@code data:} prefix, as Kling asks).
 * Bytes Java cannot decode as a picture are still accepted and rendered as a patch.
 */
final class ReferenceImages {
  private final Downloader downloader;
  private final long maxBytes;

  ReferenceImages(Downloader downloader, long maxBytes) {
    this.downloader = requireNonNull(downloader, "downloader is null");
    this.maxBytes = maxBytes;
  }

  List<ReferenceImage> resolve(List<String> images) {
    List<ReferenceImage> resolved = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      resolved.add(ReferenceImage.of("image_" + (i + 1), bytes(i, images.get(i).strip())));
    }
    return List.copyOf(resolved);
  }

  private byte[] bytes(int index, String image) {
    String field = "image_list[" + index + "].image";
    String lower = image.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      try {
        return downloader.fetch(image, maxBytes);
      } catch (Downloader.DownloadException e) {
        throw Fields.invalid(field + " could not be fetched: " + e.getMessage());
      }
    }
    if (lower.startsWith("data:")) {
      throw Fields.invalid(field + " must be plain Base64 without a data: URI prefix");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(image.replaceAll("\\s", ""));
    } catch (IllegalArgumentException e) {
      throw Fields.invalid(field + " is neither an http(s) URL nor valid Base64");
    }
    if (bytes.length == 0) {
      throw Fields.invalid(field + " is empty");
    }
    if (bytes.length > maxBytes) {
      throw Fields.invalid(field + " is larger than " + maxBytes + " bytes");
    }
    return bytes;
  }
}
