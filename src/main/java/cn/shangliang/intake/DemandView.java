package cn.shangliang.intake;

import cn.shangliang.routing.RouteResult;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The full staff view of a demand ({@code GET /api/demands/{id}}): submitter included. {@code routeLabel} is the
 * current route in words (限时答复), as {@code statusLabel} is the status.
 */
public record DemandView(
    String id, String trackingCode, String status, String statusLabel, String processInstanceId,
    String channel, String title, String description, String category, String scope, String urgency,
    String township, String village, Double latitude, Double longitude,
    Submitter submitter, String collectingMember,
    boolean answerableOnSite, boolean needsPolicyChange, BigDecimal estimatedCostYuan,
    int departmentsInvolved, List<String> coDepartments, int affectedPeople, String externalId,
    String mergedInto, List<String> mergedDemands,
    RouteResult route, List<RoutingStep> routingHistory, List<OpenTask> tasksOpen, List<Object> breaches,
    Map<String, Object> steps,
    List<HistoryEntry> history, OffsetDateTime createdAt, String createdBy, String routeLabel) {

  public record Submitter(String name, String phone) {}

  public record RoutingStep(String stage, RouteResult route, int repeatCount, String rulesChecksum, OffsetDateTime evaluatedAt) {}

  /** {@code dueProvisional}: the due date falls in a year whose holiday notice is not published yet. */
  public record OpenTask(String id, String name, String taskDefinitionKey, List<String> candidateGroups, String assignee,
      OffsetDateTime created, OffsetDateTime due, boolean dueProvisional) {}

  /** {@code actor} is the account (or system, public, open311:key); {@code actorName} how people call it: 李委员, 系统. */
  public record HistoryEntry(OffsetDateTime at, String actor, String kind, String detail, String actorName) {}
}
