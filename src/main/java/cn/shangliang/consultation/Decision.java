package cn.shangliang.consultation;

import cn.shangliang.system.RecordEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** 集体研究决事: the collective decision, how it was reached, and the action items with owner and due date. */
@Entity
@Table(name = "decision")
public class Decision extends RecordEntity {

  /** 落实事项. */
  @Embeddable
  public static class ActionItem {
    private String description;
    private String owner;
    @Column(name = "due_date")
    private LocalDate dueDate;

    protected ActionItem() {}

    public ActionItem(String description, String owner, LocalDate dueDate) {
      this.description = description;
      this.owner = owner;
      this.dueDate = dueDate;
    }

    public String getDescription() { return description; }
    public String getOwner() { return owner; }
    public LocalDate getDueDate() { return dueDate; }
  }

  @Column(name = "demand_id")
  private Long demandId;
  @Column(name = "decision_text")
  private String decisionText;
  @Column(name = "how_reached")
  private String howReached;
  @Column(name = "votes_for")
  private Integer votesFor;
  @Column(name = "votes_against")
  private Integer votesAgainst;
  @Column(name = "votes_abstain")
  private Integer votesAbstain;
  @Column(name = "decided_by")
  private String decidedBy;
  @Column(name = "decided_at")
  private Instant decidedAt;
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "action_item", joinColumns = @JoinColumn(name = "decision_id"))
  @OrderColumn(name = "position")
  private List<ActionItem> actionItems = new ArrayList<>();

  protected Decision() {}

  Decision(Long demandId, String text, String howReached, Integer votesFor, Integer votesAgainst, Integer votesAbstain,
      List<ActionItem> items, Instant at, String by) {
    this.demandId = demandId;
    this.decisionText = text;
    this.howReached = howReached;
    this.votesFor = votesFor;
    this.votesAgainst = votesAgainst;
    this.votesAbstain = votesAbstain;
    this.actionItems.addAll(items);
    this.decidedAt = at;
    this.decidedBy = by;
  }

  public Long getDemandId() { return demandId; }
  public String getDecisionText() { return decisionText; }
  public String getHowReached() { return howReached; }
  public Integer getVotesFor() { return votesFor; }
  public Integer getVotesAgainst() { return votesAgainst; }
  public Integer getVotesAbstain() { return votesAbstain; }
  public String getDecidedBy() { return decidedBy; }
  public Instant getDecidedAt() { return decidedAt; }
  public List<ActionItem> getActionItems() { return List.copyOf(actionItems); }
}
