package cn.shangliang.consultation;

/** Kinds of participants a meeting invites; each is notified beforehand. The form field is {@link #formField()}. */
public enum ParticipantKind {
  MEMBERS("政协委员", "inviteMembers"),
  VILLAGE_COMMITTEE("村（居）委会", "inviteVillageCommittee"),
  RESIDENTS("群众代表", "inviteResidents"),
  DEPARTMENTS("相关部门", "inviteDepartments"),
  EXPERTS("专家", "inviteExperts"),
  STAKEHOLDERS("其他利益相关方", "inviteStakeholders");

  private final String label;
  private final String formField;

  ParticipantKind(String label, String formField) {
    this.label = label;
    this.formField = formField;
  }

  public String label() {
    return label;
  }

  public String formField() {
    return formField;
  }
}
