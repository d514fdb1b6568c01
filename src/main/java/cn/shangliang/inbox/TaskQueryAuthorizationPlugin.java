package cn.shangliang.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * On MySQL/MariaDB, the engine's task query (list and count: Tasklist's inbox, its filters,
 * {@code /engine-rest/task}) checks authorizations with EXISTS per task instead of Camunda's join,
 * which MariaDB cannot index: with 5,000 open tasks in one candidate group the first page took 5.4 s,
 * now well under 200 ms (docs/PERFORMANCE.md, "Inbox"). The statements are in
 * {@code cn/shangliang/inbox/TaskQueryAuthorization.xml}; the engine is pointed at them through its
 * per-database statement mappings. Other databases keep Camunda's statements.
 */
@Component
class TaskQueryAuthorizationPlugin extends AbstractProcessEnginePlugin {
  private static final Logger log = LoggerFactory.getLogger(TaskQueryAuthorizationPlugin.class);
  static final String MAPPER = "cn/shangliang/inbox/TaskQueryAuthorization.xml";
  static final String NAMESPACE = "cn.shangliang.inbox.TaskQueryAuthorization.";
  static final Map<String, String> STATEMENTS = Map.of(
      "selectTaskByQueryCriteria", NAMESPACE + "fastSelectTaskByQueryCriteria",
      "selectTaskCountByQueryCriteria", NAMESPACE + "fastSelectTaskCountByQueryCriteria");

  @Override
  public void postInit(ProcessEngineConfigurationImpl engine) {
    DbSqlSessionFactory sessions = engine.getDbSqlSessionFactory();
    if (!DbSqlSessionFactory.MYSQL.equals(sessions.getDatabaseType())) return; // Camunda 7 runs MariaDB as "mysql"
    Configuration mybatis = engine.getSqlSessionFactory().getConfiguration();
    if (!mybatis.hasStatement(STATEMENTS.get("selectTaskByQueryCriteria"), false)) {
      try (InputStream mapper = TaskQueryAuthorizationPlugin.class.getClassLoader().getResourceAsStream(MAPPER)) {
        if (mapper == null) throw new IllegalStateException(MAPPER + " is missing from the classpath");
        new XMLMapperBuilder(mapper, mybatis, MAPPER, mybatis.getSqlFragments()).parse();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    // a copy: the map set by setDatabaseType is Camunda's shared one for all engines of that database
    Map<String, String> mappings = new HashMap<>();
    if (sessions.getStatementMappings() != null) mappings.putAll(sessions.getStatementMappings());
    mappings.putAll(STATEMENTS);
    sessions.setStatementMappings(mappings);
    log.info("Task queries on {} check authorizations per task (EXISTS): {}", sessions.getDatabaseType(), STATEMENTS.keySet());
  }
}
