package cn.shangliang.intake;

import cn.shangliang.system.ForbiddenException;
import cn.shangliang.system.TooManyRequestsException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 查询码: the secret that lets the submitter alone speak for a demand (evaluate its result). Tracking codes are
 * sequential references anyone may read; the access code is random, shown once on the receipt and kept only
 * as an HMAC-SHA256 under the installation's secret (made by migration V13, shared by all nodes). Wrong codes
 * are counted in the database per tracking code: five within fifteen minutes lock that demand's code out for
 * everyone, the right code included, until the window has passed.
 */
@Component
public class AccessCodes {
  public static final String SECRET_NAME = "access-code";
  /** No look-alikes: neither 0/O nor 1/I/L. */
  static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  static final int LENGTH = 8;
  static final int MAX_FAILURES = 5;
  static final Duration WINDOW = Duration.ofMinutes(15);

  private final SecureRandom random = new SecureRandom();
  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;
  private volatile byte[] secret;

  /** Every node builds its own; all they share is the database (the secret and the count of wrong codes). */
  public AccessCodes(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /** A new code for the demand (the old one stops working); the caller shows it once and keeps it nowhere. */
  public String issue(Demand demand) {
    String code = generate(random);
    demand.setAccessCode(hash(secret(), code), clock.instant());
    return code;
  }

  /**
   * Lets the request through only with the demand's right code: 429 while locked out (even for the right
   * code), else 403 for a missing or wrong one, which is counted. The count commits on its own, whatever the
   * refused request does afterwards.
   */
  public void check(Demand demand, String given) {
    Instant now = clock.instant();
    List<Timestamp> recent = jdbc.queryForList("SELECT failed_at FROM access_code_failure WHERE tracking_code = ? "
        + "AND failed_at > ? ORDER BY failed_at DESC", Timestamp.class, demand.getTrackingCode(), Timestamp.from(now.minus(WINDOW)));
    if (recent.size() >= MAX_FAILURES) {
      Instant unlocked = recent.get(MAX_FAILURES - 1).toInstant().plus(WINDOW);
      throw new TooManyRequestsException(Math.max(1, Duration.between(now, unlocked).toSeconds() + 1));
    }
    if (matches(demand, given)) return;
    ownTransaction.executeWithoutResult(s -> jdbc.update(
        "INSERT INTO access_code_failure (tracking_code, failed_at) VALUES (?, ?)", demand.getTrackingCode(), Timestamp.from(now)));
    throw new ForbiddenException(given == null || given.isBlank() ? "请填写受理时发给您的查询码" : "查询码不正确");
  }

  private boolean matches(Demand demand, String given) {
    if (given == null || demand.getAccessCodeHash() == null) return false;
    byte[] expected = demand.getAccessCodeHash().getBytes(StandardCharsets.US_ASCII);
    byte[] actual = hash(secret(), normalize(given)).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, actual);
  }

  private byte[] secret() {
    byte[] known = secret;
    if (known == null) {
      String encoded = jdbc.queryForObject("SELECT secret_value FROM server_secret WHERE name = ?", String.class, SECRET_NAME);
      known = secret = Base64.getDecoder().decode(encoded);
    }
    return known;
  }

  /** What people type: lower case, spaces and hyphens (as printed, "K7PM-3QXD") are all accepted. */
  static String normalize(String given) {
    return given.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
  }

  public static String generate(SecureRandom random) {
    StringBuilder code = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    return code.toString();
  }

  public static String hash(byte[] secret, String code) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(code.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  public static byte[] newSecret(SecureRandom random) {
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    return secret;
  }

  public static String encodeSecret(byte[] secret) {
    return Base64.getEncoder().encodeToString(secret);
  }
}
