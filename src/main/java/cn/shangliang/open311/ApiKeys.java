package cn.shangliang.open311;

import cn.shangliang.system.ChinaTime;
import cn.shangliang.system.InvalidRequestException;
import cn.shangliang.system.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Open311 API keys: created by admins (the key is shown once), checked on every Open311 write, revocable. */
@Service
public class ApiKeys {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ApiKeyRepository keys;
  private final Clock clock;

  ApiKeys(ApiKeyRepository keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  public record Created(ApiKey key, String secret) {}

  @Transactional
  public Created create(String name, String by) {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String secret = "sl_" + HexFormat.of().formatHex(bytes);
    return new Created(keys.save(new ApiKey(name, sha256(secret), secret.substring(0, 10), by, clock.instant())), secret);
  }

  /** The key in force for this secret, if any (marks it used). */
  @Transactional
  public Optional<ApiKey> check(String secret) {
    if (secret == null || secret.isBlank() || secret.length() > 200) return Optional.empty();
    Optional<ApiKey> key = keys.findByKeyHash(sha256(secret.strip())).filter(k -> k.getRevokedAt() == null);
    key.ifPresent(k -> k.used(clock.instant()));
    return key;
  }

  @Transactional
  public ApiKey revoke(long id) {
    ApiKey key = keys.findById(id).orElseThrow(() -> new NotFoundException("API key " + id));
    key.revoke(clock.instant());
    return key;
  }

  @Transactional(readOnly = true)
  public List<ApiKey> all() {
    return keys.findAllByOrderByCreatedAtDesc();
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

interface ApiKeyRepository extends JpaRepository<ApiKey, Long> {
  Optional<ApiKey> findByKeyHash(String keyHash);

  List<ApiKey> findAllByOrderByCreatedAtDesc();
}

@RestController
@RequestMapping("/api/admin/open311-keys")
@Tag(name = "系统管理 Admin")
class ApiKeyController {
  record CreateRequest(String name) {}

  record KeyView(String id, String name, String prefix, String createdBy, OffsetDateTime createdAt, OffsetDateTime revokedAt,
      OffsetDateTime lastUsedAt, String key) {
    static KeyView of(ApiKey k, String secret) {
      return new KeyView(String.valueOf(k.getId()), k.getName(), k.getKeyPrefix(), k.getCreatedBy(), at(k.getCreatedAt()),
          at(k.getRevokedAt()), at(k.getLastUsedAt()), secret);
    }

    static OffsetDateTime at(Instant instant) {
      return instant == null ? null : ChinaTime.of(instant);
    }
  }

  private final ApiKeys keys;

  ApiKeyController(ApiKeys keys) {
    this.keys = keys;
  }

  @PostMapping
  @Operation(summary = "创建 Open311 API 密钥", description = "为一个客户端（{\"name\"}，1 到 100 字）创建密钥；密钥只在这次答复中出现。")
  @ApiResponse(responseCode = "201", description = "已创建：答复的 key 是密钥本身，请妥善保存", useReturnTypeSchema = true)
  ResponseEntity<KeyView> create(@RequestBody CreateRequest body, Principal principal) {
    String name = body == null || body.name() == null ? "" : body.name().strip();
    if (name.isEmpty() || name.length() > 100) {
      throw new InvalidRequestException(List.of(new InvalidRequestException.FieldError("name", "名称应为1到100字")));
    }
    ApiKeys.Created created = keys.create(name, principal.getName());
    return ResponseEntity.status(201).body(KeyView.of(created.key(), created.secret()));
  }

  @GetMapping
  @Operation(summary = "Open311 API 密钥列表", description = "各密钥的名称、前缀、创建和最近使用时间；不含密钥本身。")
  List<KeyView> list() {
    return keys.all().stream().map(k -> KeyView.of(k, null)).toList();
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "作废 Open311 API 密钥")
  KeyView revoke(@PathVariable long id) {
    return KeyView.of(keys.revoke(id), null);
  }
}
