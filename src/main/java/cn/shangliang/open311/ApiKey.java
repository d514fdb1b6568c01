package cn.shangliang.open311;

import cn.shangliang.system.RecordEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** An Open311 client's API key: only its SHA-256 and first characters are kept. */
@Entity
@Table(name = "open311_api_key")
public class ApiKey extends RecordEntity {
  private String name;
  @Column(name = "key_hash")
  private String keyHash;
  @Column(name = "key_prefix")
  private String keyPrefix;
  @Column(name = "created_by")
  private String createdBy;
  @Column(name = "created_at")
  private Instant createdAt;
  @Column(name = "revoked_at")
  private Instant revokedAt;
  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  protected ApiKey() {}

  ApiKey(String name, String keyHash, String keyPrefix, String createdBy, Instant createdAt) {
    this.name = name;
    this.keyHash = keyHash;
    this.keyPrefix = keyPrefix;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  void revoke(Instant at) {
    if (revokedAt == null) revokedAt = at;
  }

  void used(Instant at) {
    lastUsedAt = at;
  }

  public String getName() { return name; }
  public String getKeyPrefix() { return keyPrefix; }
  public String getCreatedBy() { return createdBy; }
  public Instant getCreatedAt() { return createdAt; }
  public Instant getRevokedAt() { return revokedAt; }
  public Instant getLastUsedAt() { return lastUsedAt; }
  String getKeyHash() { return keyHash; }
}
