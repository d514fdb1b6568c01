package cn.shangliang.organisation;

/** Camunda group ids of DOMAIN.md §1 (departments are {@code dept-<code>}, see Departments). */
public final class Groups {
  public static final String INTAKE = "intake";
  public static final String MEMBER = "member";
  public static final String LIAISON_OFFICE = "liaison-office";
  public static final String CONVENOR = "convenor";
  public static final String PROPOSAL_COMMITTEE = "proposal-committee";
  public static final String SUPERVISOR = "supervisor";
  public static final String LEADERSHIP = "leadership";
  public static final String ADMIN = "admin";
  /** 流程设计员: deploys models, changes rules; never sees matters (docs/DESIGNERS.md). */
  public static final String PROCESS_DESIGNER = "process-designer";
  /** Camunda's own administrators group: full rights in the engine and the Admin webapp. */
  public static final String CAMUNDA_ADMIN = "camunda-admin";

  private Groups() {}
}
