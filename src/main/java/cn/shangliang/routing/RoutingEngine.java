package cn.shangliang.routing;

import java.time.OffsetDateTime;

/** Routes a demand's facts to on-site answer, department reply or proposal, with deadline and reasons. */
public interface RoutingEngine {
  /** @param at the moment deadlines count from */
  RouteResult route(RoutingFacts facts, OffsetDateTime at);

  /** The identity (checksum) of the rules a decision made now is made with. */
  String rulesVersion();
}
