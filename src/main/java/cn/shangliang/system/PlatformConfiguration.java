package cn.shangliang.system;

import cn.shangliang.sla.WorkingCalendar;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ShangliangProperties.class)
class PlatformConfiguration {

  /** Tomcat's error page for requests it refuses itself: problem JSON, see {@link ProblemErrorReportValve}. */
  @Bean
  org.springframework.boot.web.server.WebServerFactoryCustomizer<org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory>
      problemErrorPages() {
    return factory -> factory.addContextCustomizers(context -> {
      if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
        host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
      }
    });
  }

  @Bean
  Clock clock() {
    return new EngineClock(WorkingCalendar.CHINA);
  }
}
