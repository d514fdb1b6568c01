package cn.shangliang.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings under {@code shangliang.*} (application.yaml). */
@ConfigurationProperties("shangliang")
public record ShangliangProperties(
    @DefaultValue("processes") String processesDir,
    @DefaultValue("rules") String rulesDir,
    @DefaultValue("true") boolean rulesWatch,
    @DefaultValue Demo demo,
    @DefaultValue Admin admin) {

  public record Admin(@DefaultValue("admin") String id, @DefaultValue("") String password) {}

  public record Demo(@DefaultValue("false") boolean enabled, @DefaultValue("true") boolean sampleData) {}
}
