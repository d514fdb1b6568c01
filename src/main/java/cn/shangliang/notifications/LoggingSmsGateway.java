package cn.shangliang.notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Without an SMS provider: one log line per message due, naming the demand but never the code or the number. */
@Configuration
class LoggingSmsGateway {
  private static final Logger log = LoggerFactory.getLogger(LoggingSmsGateway.class);

  @Bean
  @ConditionalOnMissingBean(SmsGateway.class)
  SmsGateway smsGateway() {
    return (phone, trackingCode, accessCode) ->
        log.info("No SMS gateway configured: the access code of {} was not sent by SMS", trackingCode);
  }
}
