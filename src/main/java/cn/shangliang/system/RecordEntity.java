package cn.shangliang.system;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.TableGenerator;

/**
 * A record's id, from blocks of 50 in {@code sl_sequence} row 'record' (Hibernate's table generator: safe
 * across nodes on H2 and MySQL alike, allocated outside the caller's transaction).
 */
@MappedSuperclass
public abstract class RecordEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.TABLE, generator = RecordIds.GENERATOR)
  @TableGenerator(name = RecordIds.GENERATOR, table = RecordIds.TABLE, pkColumnName = "seq_name",
      valueColumnName = "next_val", pkColumnValue = RecordIds.ROW, allocationSize = 50)
  private Long id;

  public Long getId() {
    return id;
  }
}
