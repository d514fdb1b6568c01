package cn.shangliang.system;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a page of a newest-first list ends: the last row's time and id (keyset paging: the next page starts
 * below them through an index, however deep). Opaque to clients: base64url of {@code <epoch millis>.<id>},
 * exact because the times it keys are stored to the millisecond at most.
 */
public record KeysetCursor(Instant at, long id) {

  public String text() {
    String plain = at.toEpochMilli() + "." + id;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
  }

  /** The cursor a client sent back, or empty when it is not one this class made. */
  public static Optional<KeysetCursor> parse(String text) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
      if (!plain.matches("-?\\d{1,15}\\.\\d{1,18}")) return Optional.empty();
      String[] parts = plain.split("\\.");
      return Optional.of(new KeysetCursor(Instant.ofEpochMilli(Long.parseLong(parts[0])), Long.parseLong(parts[1])));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
