package dev.klingbot.kling;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** A mask as a Base64 PNG image; {@code size} is [height, width] as Kling sends it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PngMask(List<Integer> size, String base64) {
  public PngMask {
    size = size == null ? List.of() : List.copyOf(size);
    base64 = base64 == null ? "" : base64;
  }

  @Override
  public String toString() {
    return "PngMask[size=" + size + ", base64=" + base64.length() + " chars]";
  }
}
