package cn.shangliang.system;

import java.time.Clock;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ShangliangProperties.class)
class PlatformConfiguration {

  /** Tomcat's error page for requests it refuses itself: problem JSON, see {@link ProblemErrorReportValve}. */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory>
      problemErrorPages() {
    return factory -> factory.addContextCustomizers(context -> {
      if (context.getParent() instanceof StandardHost host) {
        host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
      }
    });
  }

  @Bean
  Clock clock() {
    return new EngineClock(ChinaTime.ZONE);
  }
}
