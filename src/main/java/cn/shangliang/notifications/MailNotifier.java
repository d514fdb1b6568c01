package cn.shangliang.notifications;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * E-mail for every in-app notification, when an SMTP server is configured ({@code spring.mail.host}; off
 * otherwise): to the user, or to every member of the group with an address. Sent after the transaction
 * that caused it commits — a mail server that is down costs a log line, never the user's work.
 */
@Component
class MailNotifier {
  private static final Logger log = LoggerFactory.getLogger(MailNotifier.class);

  private final ObjectProvider<JavaMailSender> sender;
  private final IdentityService identity;
  private final String from;
  private final String link;

  MailNotifier(ObjectProvider<JavaMailSender> sender, @Lazy IdentityService identity,
      @Value("${shangliang.mail.from:noreply@shangliang.example}") String from,
      @Value("${shangliang.mail.link:http://localhost:8080/camunda/app/tasklist/}") String link) {
    this.sender = sender;
    this.identity = identity;
    this.from = from;
    this.link = link;
  }

  boolean enabled() {
    return sender.getIfAvailable() != null;
  }

  void send(String user, String group, String title, String message, String trackingCode) {
    JavaMailSender mail = sender.getIfAvailable();
    if (mail == null) return;
    Set<String> to = new LinkedHashSet<>();
    if (user != null) {
      User u = identity.createUserQuery().userId(user).singleResult();
      if (u != null && u.getEmail() != null && !u.getEmail().isBlank()) to.add(u.getEmail());
    }
    if (group != null) {
      for (User u : identity.createUserQuery().memberOfGroup(group).list()) {
        if (u.getEmail() != null && !u.getEmail().isBlank()) to.add(u.getEmail());
      }
    }
    if (to.isEmpty()) return;
    SimpleMailMessage mailMessage = new SimpleMailMessage();
    mailMessage.setFrom(from);
    mailMessage.setTo(to.toArray(String[]::new));
    mailMessage.setSubject("【有事好商量】" + title);
    mailMessage.setText(message + (trackingCode == null ? "" : "\n\n受理编号：" + trackingCode) + "\n\n请登录办理：" + link
        + "\n\n（本邮件由系统自动发送，请勿回复。）");
    Runnable sendIt = () -> {
      try {
        mail.send(mailMessage);
      } catch (MailException e) {
        log.warn("Notification mail '{}' to {} not sent: {}", title, to, e.getMessage());
      }
    };
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          sendIt.run();
        }
      });
    } else {
      sendIt.run();
    }
  }
}
