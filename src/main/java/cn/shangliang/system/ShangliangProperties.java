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
    @DefaultValue Admin admin,
    /** Where the public reaches this installation: links sent to people (online consultation invitations). */
    @DefaultValue("http://localhost:8080") String publicUrl) {

  public record Admin(@DefaultValue("admin") String id, @DefaultValue("") String password) {}

  public record Demo(@DefaultValue("false") boolean enabled, @DefaultValue("true") boolean sampleData) {}
}
