package cn.shangliang.system;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ShangliangProperties.class)
class PlatformConfiguration {

  /**
   * Tomcat's error page for requests it refuses itself: problem JSON, see {@link ProblemErrorReportValve}. The valve
   * goes into the pipeline here, made with the error dialects; naming its class makes Tomcat find it there and add
   * no valve of its own.
   */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory>
      problemErrorPages(List<ErrorDialect> dialects) {
    return factory -> factory.addContextCustomizers(context -> {
      if (context.getParent() instanceof StandardHost host && !hasErrorValve(host)) {
        host.getPipeline().addValve(new ProblemErrorReportValve(dialects));
        host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
      }
    });
  }

  private static boolean hasErrorValve(StandardHost host) {
    return Arrays.stream(host.getPipeline().getValves()).anyMatch(ProblemErrorReportValve.class::isInstance);
  }

  @Bean
  Clock clock() {
    return new EngineClock(ChinaTime.ZONE);
  }
}
