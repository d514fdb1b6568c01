package cn.shangliang.system;

import cn.shangliang.sla.WorkingCalendar;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ShangliangProperties.class)
class PlatformConfiguration {

  @Bean
  Clock clock() {
    return new EngineClock(WorkingCalendar.CHINA);
  }
}
