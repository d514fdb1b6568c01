package cn.shangliang.proposal;

import cn.shangliang.routing.Category;
import java.util.Set;

/** The thresholds of the key-supervision selection ({@code rules/proposals/proposal-policy.yaml}); getters are what DRL sees. */
public final class KeySupervisionPolicy {
  private final Set<Category> publicSafetyCategories;
  private final int affectedPeopleAtLeast;
  private final double shareOfRest;
  private final String seed;

  public KeySupervisionPolicy(Set<Category> publicSafetyCategories, int affectedPeopleAtLeast, double shareOfRest, String seed) {
    this.publicSafetyCategories = Set.copyOf(publicSafetyCategories);
    this.affectedPeopleAtLeast = affectedPeopleAtLeast;
    this.shareOfRest = shareOfRest;
    this.seed = seed;
  }

  public Set<Category> getPublicSafetyCategories() { return publicSafetyCategories; }
  public int getAffectedPeopleAtLeast() { return affectedPeopleAtLeast; }
  public double getShareOfRest() { return shareOfRest; }
  public String getSeed() { return seed; }
}
