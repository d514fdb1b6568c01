package cn.shangliang.proposal;

import cn.shangliang.routing.Category;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * A class-B proposal in a follow-up review, as the key-supervision rules see it. {@code sample} is a
 * number in [0, 1) fixed by the seed, the proposal number and the review round: the "configurable share
 * of the rest" is every candidate whose sample lies below the share, so the choice is reproducible and
 * a larger share keeps every proposal a smaller one chose.
 */
public final class SelectionCandidate {
  private final String proposalNumber;
  private final int reviewRound;
  private final Category category;
  private final int affectedPeople;
  private final double sample;

  public SelectionCandidate(String proposalNumber, int reviewRound, Category category, int affectedPeople, String seed) {
    this.proposalNumber = proposalNumber;
    this.reviewRound = reviewRound;
    this.category = category;
    this.affectedPeople = affectedPeople;
    this.sample = sample(seed, proposalNumber, reviewRound);
  }

  static double sample(String seed, String proposalNumber, int reviewRound) {
    CRC32 crc = new CRC32();
    crc.update((seed + "|" + proposalNumber + "|" + reviewRound).getBytes(StandardCharsets.UTF_8));
    return crc.getValue() / (double) (1L << 32);
  }

  public String getProposalNumber() { return proposalNumber; }
  public int getReviewRound() { return reviewRound; }
  public Category getCategory() { return category; }
  public int getAffectedPeople() { return affectedPeople; }
  public double getSample() { return sample; }
}
