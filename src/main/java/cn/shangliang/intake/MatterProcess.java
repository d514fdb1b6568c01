package cn.shangliang.intake;

/**
 * 协商流程: starts the matter's process for a newly registered demand, in the registering transaction, and answers
 * with the routing decision its first step (受理研判) recorded. No process, no demand: the module that owns the
 * process implements this; intake only knows that every demand gets one.
 */
public interface MatterProcess {
  RoutingRecord start(Demand demand);
}
