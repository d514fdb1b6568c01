package cn.shangliang.inbox;

import cn.shangliang.intake.Demand;
import cn.shangliang.intake.DemandQueries;
import cn.shangliang.intake.DemandRecords;
import cn.shangliang.organisation.Groups;
import cn.shangliang.system.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * A task belongs to its assignee (issue #19): nobody else completes it, submits its form or changes its
 * variables (403 naming the holder); claiming it answers 409 {@code 该任务已由 李委员 认领}; handing it to
 * someone else, or taking it from its holder, is for the liaison office, leadership and admin, and every
 * change of holder is a line in the matter's history. Enforced in the engine — a command interceptor inside
 * the command's transaction — so it holds for Tasklist, /engine-rest, our API and Java calls made as a
 * logged-in user alike. The system itself (timers, jobs, services without a logged-in user) is not held to it.
 */
class TaskOwnership extends CommandInterceptor {
  /** Who may give a task to someone else or take it from its holder. */
  static final List<String> REASSIGNERS = List.of(Groups.LIAISON_OFFICE, Groups.LEADERSHIP, Groups.ADMIN);
  static final String SYSTEM = "system";

  private final DemandQueries demands;
  private final DemandRecords records;

  TaskOwnership(DemandQueries demands, DemandRecords records) {
    this.demands = demands;
    this.records = records;
  }

  /** Registers the interceptor inside the engine's transaction (after the command context is opened). */
  static AbstractProcessEnginePlugin plugin(TaskOwnership ownership) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
          configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPostCommandInterceptorsTxRequired().add(ownership);
      }
    };
  }

  @Override
  public <T> T execute(Command<T> command) {
    Optional<TaskRequest> request = TaskRequest.of(command);
    if (request.isEmpty()) return next.execute(command);
    CommandContext context = Context.getCommandContext();
    TaskEntity task = context.getTaskManager().findTaskById(request.get().taskId());
    if (task == null) return next.execute(command); // Camunda answers a task that does not exist
    String holder = task.getAssignee();
    String user = context.getAuthenticatedUserId();
    if (user != null) check(request.get(), task, holder, user, context);
    T result = next.execute(command);
    if (request.get().changesHolder() && !Objects.equals(holder, request.get().assignee())) {
      record(task, request.get(), holder, user == null ? SYSTEM : user, context);
    }
    return result;
  }

  private static void check(TaskRequest request, TaskEntity task, String holder, String user, CommandContext context) {
    boolean heldByOther = holder != null && !holder.equals(user);
    switch (request.kind()) {
      case WORK -> {
        if (heldByOther) {
          throw new TaskNotYoursException("该任务已由 " + UserNames.of(holder, context) + " 认领，只有其本人可以办理；如需转办，请联系政协工委改派");
        }
      }
      case CLAIM -> {
        if (holder != null && !holder.equals(request.assignee())) {
          throw new TaskHeldException(task.getId(), holder, UserNames.of(holder, context));
        }
        if (!user.equals(request.assignee())) refuseUnlessReassigner(context);
      }
      case ASSIGN, DELEGATE -> {
        String to = request.assignee();
        boolean noChange = Objects.equals(holder, to);
        boolean handsBackOwn = to == null && user.equals(holder);
        boolean takesFreeTask = request.kind() == TaskRequest.Kind.ASSIGN && holder == null && user.equals(to);
        if (!noChange && !handsBackOwn && !takesFreeTask) refuseUnlessReassigner(context);
      }
    }
  }

  private static void refuseUnlessReassigner(CommandContext context) {
    List<String> groups = context.getAuthenticatedGroupIds();
    if (groups == null || groups.stream().noneMatch(REASSIGNERS::contains)) {
      throw new TaskNotYoursException("只有政协工委、政协领导和管理员可以改派任务");
    }
  }

  /** One line in the matter's history: who moved which task from whom to whom. */
  private void record(TaskEntity task, TaskRequest request, String holder, String actor, CommandContext context) {
    Optional<Demand> demand = demandOf(task);
    if (demand.isEmpty()) return;
    String name = "「" + task.getName() + "」";
    String who = SYSTEM.equals(actor) ? "系统" : UserNames.of(actor, context);
    String from = holder == null ? null : UserNames.of(holder, context);
    String to = request.assignee() == null ? null : UserNames.of(request.assignee(), context);
    String kind;
    String detail;
    if (holder == null && actor.equals(request.assignee())) {
      kind = "TASK_CLAIMED";
      detail = who + " 认领了任务" + name;
    } else if (to == null) {
      kind = "TASK_RELEASED";
      detail = who + " 退回了任务" + name + "（原由 " + from + " 办理）";
    } else {
      kind = request.kind() == TaskRequest.Kind.DELEGATE ? "TASK_DELEGATED" : "TASK_REASSIGNED";
      detail = who + (request.kind() == TaskRequest.Kind.DELEGATE ? " 委托" : " 改派") + "任务" + name + "："
          + (from == null ? "（未认领）" : from) + " → " + to;
    }
    records.event(demand.get().getId(), actor, kind, detail, null);
  }

  /** The matter a task is about: every process instance of a matter has its tracking code as business key. */
  private Optional<Demand> demandOf(TaskEntity task) {
    ExecutionEntity instance = task.getProcessInstance();
    if (instance == null || instance.getBusinessKey() == null) return Optional.empty();
    try {
      return Optional.of(demands.find(instance.getBusinessKey()));
    } catch (NotFoundException e) {
      return Optional.empty(); // a process not started for a demand
    }
  }
}
