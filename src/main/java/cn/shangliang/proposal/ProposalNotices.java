package cn.shangliang.proposal;

import cn.shangliang.notifications.Notifications;
import cn.shangliang.organisation.Departments;
import cn.shangliang.organisation.Groups;
import cn.shangliang.system.ChinaTime;
import java.time.Instant;
import java.util.Collection;
import org.springframework.stereotype.Component;

/** What the proposal steps tell people: the handling unit, the proposers, the leadership. */
@Component
class ProposalNotices {
  private final Notifications notifications;
  private final ProposalService proposals;

  ProposalNotices(Notifications notifications, ProposalService proposals) {
    this.notifications = notifications;
    this.proposals = proposals;
  }

  void assigned(Proposal proposal, String title, String trackingCode) {
    notifications.toGroup(Departments.groupOf(proposal.getLeadUnit()), "ASSIGNMENT", "提案交办：" + title,
        "提案第" + proposal.getNumber() + "号交贵单位主办，请先与提案者沟通协商，"
            + ChinaTime.of(proposal.getReplyDueAt()).toLocalDate() + "前答复。", trackingCode);
  }

  void replied(Collection<String> proposerIds, String replyClass, String title, String trackingCode) {
    toProposers(proposerIds, "提案已答复：" + title, "承办单位已答复（" + proposals.scheme().label(replyClass) + "），请在"
        + proposals.policy().evaluationWindow().getDays() + "日内评价。", trackingCode);
  }

  void reHandling(String leadGroup, Proposal proposal, String title, String trackingCode) {
    notifications.toGroup(leadGroup, "RETURNED", "提案二次办理：" + title, "提案者对答复不满意，请再次沟通并于"
        + ChinaTime.of(proposal.getReplyDueAt()).toLocalDate() + "前重新答复。", trackingCode);
  }

  void reviewOpened(String leadGroup, int round, String title, String trackingCode) {
    notifications.toGroup(leadGroup, "FOLLOW_UP", "提案回头看：" + title,
        "第" + round + "轮回头看开始，请对照答复逐项自查办理进展并提出新的类别建议。", trackingCode);
  }

  void keySupervision(String number, String reasons, String title, String trackingCode) {
    notifications.toGroup(Groups.LEADERSHIP, "KEY_SUPERVISION", "回头看重点督办：" + title,
        "提案第" + number + "号列为重点督办（" + reasons + "），请带队督查。", trackingCode);
  }

  void secondHandling(String leadGroup, Instant due, String title, String trackingCode) {
    notifications.toGroup(leadGroup, "RETURNED", "回头看二次办理：" + title,
        "经查找原因，请于" + ChinaTime.of(due).toLocalDate() + "前完成二次办理并重新答复。", trackingCode);
  }

  void reclassified(Collection<String> proposerIds, String newClass, String title, String trackingCode) {
    toProposers(proposerIds, "回头看结果：" + title, "提案经回头看改定为" + proposals.scheme().label(newClass) + "，请在"
        + proposals.policy().evaluationWindow().getDays() + "日内再次评价。", trackingCode);
  }

  private void toProposers(Collection<String> proposerIds, String title, String message, String trackingCode) {
    for (String id : proposerIds) notifications.toUser(id, "PROPOSAL", title, message, trackingCode);
  }
}
