package cn.shangliang.sla;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.support.PlatformTest;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

/** The engine's tables carry the indexes the open counts need once the application has started, on H2 and MariaDB. */
@PlatformTest
class EngineTableIndexesTest {
  @Autowired DataSource dataSource;
  @Autowired EngineTableIndexes indexes;

  @Test
  void madeAtStartAndLeftAloneAtTheNext() throws Exception {
    try (Connection db = dataSource.getConnection()) {
      for (EngineTableIndexes.Index index : EngineTableIndexes.INDEXES) {
        assertThat(EngineTableIndexes.exists(db, index)).as(index.name()).isTrue();
      }
    }
    // a second start (another node, a restart) finds them and does nothing
    indexes.run(new DefaultApplicationArguments());
    try (Connection db = dataSource.getConnection()) {
      assertThat(EngineTableIndexes.exists(db, new EngineTableIndexes.Index("SL_IDX_NO_SUCH", "ACT_RU_TASK", "ID_"))).isFalse();
    }
  }
}
