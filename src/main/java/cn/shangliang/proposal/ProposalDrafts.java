package cn.shangliang.proposal;

import cn.shangliang.intake.Demand;
import cn.shangliang.intake.DemandRecords;
import cn.shangliang.organisation.Groups;
import cn.shangliang.organisation.People;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Service;

/**
 * 起草提案: the first draft from the matter, and the proposers as people pick them — members chosen by name from the
 * identity service, never typed; the names the records and forms show follow from the accounts.
 */
@Service
public class ProposalDrafts {
  private final DemandRecords demands;
  private final People people;

  ProposalDrafts(DemandRecords demands, People people) {
    this.demands = demands;
    this.people = people;
  }

  /** Proposers as the records keep them: accounts comma-separated (may be empty), names 、-separated. */
  public record Proposers(String ids, String names) {}

  public record Suggestion(String title, String reasons, List<String> proposerIds, Proposers proposers) {}

  /** The draft a matter suggests: its title and description, the member who collected it as proposer. */
  public Suggestion suggest(long demandId) {
    Demand demand = demands.demand(demandId);
    String member = demand.getCollectingMember();
    List<String> ids = member == null || member.isBlank() ? List.of() : List.of(member);
    return new Suggestion("关于" + demand.getTitle() + "的提案", demand.getDescription(), ids,
        new Proposers(String.join(",", ids), ids.isEmpty() ? "" : people.name(member)));
  }

  /** The members a proposer is picked from, by name. */
  public List<Map<String, String>> memberOptions() {
    return people.options(Groups.MEMBER);
  }

  /** Picked accounts, each checked to be a member (a forged or stale pick is refused and nothing is saved). */
  public Proposers picked(List<String> accounts) {
    List<String> ids = accounts.stream().map(String::strip).filter(id -> !id.isEmpty()).distinct().toList();
    if (ids.isEmpty()) throw new BadUserRequestException("请选择「提案人」");
    for (String id : ids) {
      if (!people.isIn(id, Groups.MEMBER)) throw new BadUserRequestException("「提案人」只能从委员名单中选择：" + id + " 不是委员");
    }
    return new Proposers(String.join(",", ids), String.join("、", people.names(ids).values()));
  }
}
